// OpenAPI examples of the forecast and model-quality answers (`.meta({ example })` in
// forecasts.ts). Each is a real answer of the demo warehouse (seed 7, 5,000 milestones, as of
// 2026-10-31, model version 1), its long arrays cut to a few items and its figures rounded.

const head = { asOf: '2026-10-31', modelVersion: 1 };

export const milestoneForecastExample = {
  milestoneId: 'M0000010-08',
  projectId: 'PRJ0000010',
  brandId: 'B0005',
  partnerId: 'P00047',
  status: 'in_progress',
  plannedStart: '2026-10-23',
  baselineDue: '2026-11-16',
  dueDate: '2026-11-16',
  ...head,
  delivery: {
    p10: '2026-11-12',
    p50: '2026-11-24',
    p80: '2026-11-29',
    p90: '2026-12-02',
    p95: '2026-12-10',
  },
  pOnTime: 0.2645,
  pLate: 0.4956,
  pDispute: 0.1685,
  lateFactors: [
    { feature: 'peak_days', value: 20, effect: 0.2769 },
    { feature: 'milestone_type', value: 'media_buy', effect: -0.2335 },
    { feature: 'log_amount', value: 9.4146, effect: -0.1155 },
  ],
  disputeFactors: [
    { feature: 'criteria_length', value: 74, effect: -0.2366 },
    { feature: 'peak_days', value: 20, effect: 0.1763 },
    { feature: 'partner_log_ratio', value: 0.18, effect: -0.1517 },
  ],
  conditionedOnAge: true,
};

export const projectForecastExample = {
  projectId: 'PRJ0000010',
  ...head,
  runs: 2000,
  seed: 1,
  deadline: '2026-12-21',
  finish: { p50: '2027-01-16', p80: '2027-02-03', p95: '2027-02-25' },
  pFinishByDeadline: 0.047,
  finishCdf: [
    { date: '2026-12-14', p: 0 },
    { date: '2026-12-18', p: 0.002 },
    { date: '2026-12-22', p: 0.0595 },
  ],
  progressFan: [
    { weekStart: '2026-10-26', p10: 0.5, p50: 0.5833, p90: 0.6667 },
    { weekStart: '2026-11-02', p10: 0.5833, p50: 0.6667, p90: 0.75 },
    { weekStart: '2026-11-09', p10: 0.6667, p50: 0.75, p90: 0.8333 },
  ],
  milestones: [
    {
      milestoneId: 'M0000010-05',
      name: 'Media buy #2',
      status: 'approved',
      baselineDue: '2026-09-28',
      done: true,
      p10: '2026-10-05',
      p50: '2026-10-05',
      p90: '2026-10-05',
      criticality: 0,
    },
    {
      milestoneId: 'M0000010-08',
      name: 'Media buy #5',
      status: 'in_progress',
      baselineDue: '2026-11-16',
      done: false,
      p10: '2026-11-12',
      p50: '2026-11-24',
      p90: '2026-12-02',
      criticality: 0.91,
    },
    {
      milestoneId: 'M0000010-12',
      name: 'Performance report',
      status: 'planned',
      baselineDue: '2026-12-21',
      done: false,
      p10: '2026-12-26',
      p50: '2027-01-16',
      p90: '2027-02-14',
      criticality: 1,
    },
  ],
};

export const projectForecastListExample = {
  ...head,
  runs: 1000,
  total: 112,
  items: [
    {
      projectId: 'PRJ0000005',
      name: '11.11 campaign 2026',
      brandId: 'B0006',
      partnerId: 'P00003',
      openMilestones: 5,
      maxPLate: 1,
      deadline: '2026-11-16',
      finish: { p50: '2026-12-05', p80: '2026-12-15', p95: '2026-12-29' },
      pFinishByDeadline: 0.032,
    },
    {
      projectId: 'PRJ0000010',
      name: '12.12 year-end push 2026',
      brandId: 'B0005',
      partnerId: 'P00047',
      openMilestones: 7,
      maxPLate: 1,
      deadline: '2026-12-21',
      finish: { p50: '2027-01-15', p80: '2027-02-03', p95: '2027-02-21' },
      pFinishByDeadline: 0.049,
    },
  ],
};

export const cashFlowForecastExample = {
  asOf: '2026-10-31',
  currency: 'USD',
  modelVersion: 1,
  runs: 2000,
  weeks: [
    {
      weekStart: '2026-11-02',
      p10: 0,
      p50: 0,
      p90: 6069.08,
      cumulativeP10: 0,
      cumulativeP50: 0,
      cumulativeP90: 6069.08,
    },
    {
      weekStart: '2026-11-09',
      p10: 4094.31,
      p50: 16660.53,
      p90: 37546.81,
      cumulativeP10: 6069.08,
      cumulativeP50: 17946.89,
      cumulativeP90: 39431.72,
    },
    {
      weekStart: '2026-11-16',
      p10: 22888.24,
      p50: 47471.9,
      p90: 76748.1,
      cumulativeP10: 42261.56,
      cumulativeP50: 67900.07,
      cumulativeP90: 99457.22,
    },
  ],
  openAmount: 3245892.19,
  milestones: 695,
};

export const atRiskListExample = {
  ...head,
  risk: 'late',
  items: [
    {
      milestoneId: 'M0000005-03',
      projectId: 'PRJ0000005',
      brandId: 'B0006',
      partnerId: 'P00003',
      status: 'in_progress',
      baselineDue: '2026-09-18',
      p80: '2026-11-05',
      probability: 1,
      reasons: [{ feature: 'days_past_due', value: 43, effect: 4.3488 }],
    },
    {
      milestoneId: 'M0000010-06',
      projectId: 'PRJ0000010',
      brandId: 'B0005',
      partnerId: 'P00047',
      status: 'in_progress',
      baselineDue: '2026-10-26',
      p80: '2026-11-13',
      probability: 1,
      reasons: [{ feature: 'days_past_due', value: 5, effect: 5.0521 }],
    },
  ],
};

const runId = 'demo-2026-11-01T02:10:00.000Z';
const score = (model: string, metric: string, value: number, n: number) => ({
  runId,
  source: 'demo',
  split: 'holdout-70/30',
  model,
  metric,
  value,
  n,
});

export const modelQualityExample = {
  model: {
    version: 1,
    createdAt: '2026-11-01 02:14:05.120',
    trainFrom: '2020-12-29',
    trainTo: '2025-12-08',
    rowsTrained: 4122,
    metrics: { trainSeconds: 5.19 },
  },
  scores: [
    score('as_planned', 'pinball_p50', 0.1695, 1216),
    score('milepost', 'pinball_p50', 0.1388, 1216),
    score('reference_class', 'pinball_p50', 0.1459, 1216),
    score('milepost', 'coverage_p10_p90', 0.8174, 1216),
    score('milepost', 'auc_late', 0.6769, 1240),
  ],
  ledger: [
    {
      asOf: '2026-10-31',
      modelVersion: 1,
      issued: 695,
      delivered: 0,
      coverageP50: null,
      coverageP80: null,
      coverageP90: null,
      brierLate: null,
    },
  ],
  calibration: [
    { runId, model: 'milepost', target: 'delivery', nominal: 0.5, observed: 0.4449, n: 1216 },
    { runId, model: 'milepost', target: 'delivery', nominal: 0.8, observed: 0.8018, n: 1216 },
    { runId, model: 'milepost', target: 'p_late', nominal: 0.5833, observed: 0.5726, n: 124 },
  ],
};
