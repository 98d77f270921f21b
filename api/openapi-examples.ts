// Response examples for the OpenAPI document, for answers whose zod schema carries none (schemas
// shared with other answers, or wrapped in a route-local object). Each is a real answer of the
// demo data, shortened; test/api/openapi-examples.test.ts checks every operation has one and that
// it has the fields its schema requires.

const token = {
  tokenId: 'tok_3f9a1c2b7d',
  name: 'CFO dashboard',
  role: 'viewer',
  brands: ['B0001'],
  createdAt: '2026-11-02T09:14:00Z',
  lastUsedAt: '2026-11-20T08:01:12Z',
  revokedAt: null,
};

export const openapiExamples = {
  kpis: {
    asOf: '2026-10-31',
    milestones: { total: 182340, completed: 151220, open: 31120 },
    onTimeRate: { value: 0.452, numerator: 68351, denominator: 151220 },
    disputeRate: { value: 0.171, numerator: 26310, denominator: 153860 },
    valueDisputeRate: {
      value: 0.108,
      numerator: 10830500.25,
      denominator: 100282000,
      currency: 'CNY',
      unconverted: 0,
    },
    slipDays: { median: 3, p80: 13, mean: 7.4, count: 151220 },
    paymentLagDays: { median: 41, mean: 41.6, count: 148900 },
    verificationLagDays: { median: 9, count: 151220 },
  },
  trend: {
    months: [
      {
        month: '2026-01',
        completed: 4810,
        onTime: 2190,
        onTimeRate: 0.4553,
        submitted: 4900,
        disputed: 820,
        disputeRate: 0.1673,
        medianSlipDays: 3,
        medianPaymentLagDays: 40,
      },
    ],
  },
  partners: {
    total: 240,
    partners: [
      {
        partnerId: 'P00011',
        name: 'Shanghai Bloom Digital',
        kind: 'agency',
        city: 'Shanghai',
        milestones: 3320,
        completed: 2790,
        onTime: 1690,
        onTimeRate: 0.6057,
        submitted: 2870,
        disputed: 310,
        disputeRate: 0.108,
        medianSlipDays: 0,
        p80SlipDays: 6,
        medianPaymentLagDays: 38,
      },
    ],
  },
  filters: {
    brands: [{ id: 'B0001', name: 'Lumière Beauty' }],
    partners: [{ id: 'P00011', name: 'Shanghai Bloom Digital', kind: 'agency' }],
    milestoneTypes: ['strategy', 'creative', 'kol_seeding'],
    partnerKinds: ['agency', 'kol_network'],
    pricingModels: ['milestone', 'retainer'],
    months: { min: '2023-01', max: '2026-10' },
  },
  importResult: {
    loadId: 'load_20261101_0203_7c1e',
    dryRun: false,
    counts: {
      read: 25000,
      inserted: 24810,
      updated: 120,
      unchanged: 0,
      quarantined: 70,
      byRule: { date_order: 52, unknown_partner: 18 },
    },
    warnings: [],
  },
  loads: {
    loads: [
      {
        loadId: 'load_20261101_0203_7c1e',
        source: 'milestones-2026-10.csv',
        mapping: 'demo-milestones',
        brandId: 'B0001',
        startedAt: '2026-11-01T02:03:11Z',
        finishedAt: '2026-11-01T02:03:19Z',
        status: 'succeeded',
        read: 25000,
        inserted: 24810,
        updated: 120,
        unchanged: 0,
        quarantined: 70,
        asOf: '2026-10-31',
        message: null,
      },
    ],
  },
  quarantine: {
    loadId: 'load_20261101_0203_7c1e',
    total: 70,
    rows: [
      {
        sourceFile: 'milestones-2026-10.csv',
        sourceLine: 1842,
        rule: 'date_order',
        column: 'actual_date',
        value: '2021-02-30',
        message: 'actual_date is not a date',
        rowData: '{"milestone_id":"M0001842","actual_date":"2021-02-30"}',
      },
    ],
  },
  quarantineCsv:
    'source_file,source_line,rule,column,value,message,row_data\n' +
    'milestones-2026-10.csv,1842,date_order,actual_date,2021-02-30,actual_date is not a date,' +
    '"{""milestone_id"":""M0001842""}"\n',
  me: {
    tokenId: 'tok_3f9a1c2b7d',
    name: 'CFO dashboard',
    role: 'viewer',
    brands: ['B0001'],
    permissions: ['figures:read'],
    via: 'session',
    csrfToken: 'b9QhZ2m3kq1x7Yw0V4cT8r',
  },
  tokenList: { tokens: [token] },
  tokenCreated: { ...token, lastUsedAt: null, token: 'mpt_Vx3q9Jw2mC8s0bK4fT7yR1nZ5hL6dE' },
  tokenRevoked: { ...token, revokedAt: '2026-11-21T10:00:00Z' },
} as const;
