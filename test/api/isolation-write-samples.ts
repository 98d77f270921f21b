// Sample requests for every write route of the API, each aimed at another brand's data. The
// isolation test (isolation-writes.test.ts) sends each with a token scoped to brand A, once aimed
// at brand B and once at B's ghost (ids that exist nowhere), and fails for a write route that has
// no entry here.
import type { Tenant } from '../support/two-brand-warehouse.ts';

/** What a sample aims at: a brand's ids, one of its tokens and a session of that token. */
export interface Target {
  t: Tenant;
  tokenId: string;
  sessionCookie: string;
}

/** How brand A's caller may present itself: its bearer token, or its browser session. */
export interface Caller {
  bearer: Record<string, string>;
  session: Record<string, string>;
}

export interface WriteSample {
  label: string;
  path: string;
  init: RequestInit;
}

type Sample = (x: Target, a: Caller) => WriteSample;

const json = (a: Caller, path: string, body: unknown, label: string): WriteSample => ({
  label,
  path,
  init: {
    method: 'POST',
    headers: { ...a.bearer, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  },
});

/** A draft plan in the advice editor's shape. */
export const draftPlan = (brandId: string, partnerId: string) => ({
  brandId,
  partnerId,
  value: 100_000,
  depositPct: 10,
  milestones: [
    { id: 'm1', name: 'Strategy', type: 'strategy', share: 0.4, dueDate: '2024-08-20' },
    { id: 'm2', name: 'Launch', type: 'creative', share: 0.6, dueDate: '2024-09-20' },
  ].map((m) => ({ ...m, plannedStart: '2024-07-01', acceptanceCriteria: 'Deck signed off' })),
});

/** A one-row import as brand A's caller, with the brand given by `brand` or by the mapping. */
function upload(
  a: Caller,
  row: Record<string, string>,
  brand: { form?: string; mapping?: unknown },
  label: string,
): WriteSample {
  const fields: Record<string, { column: string }> = {};
  for (const key of Object.keys(row)) if (key !== 'brand') fields[key] = { column: key };
  const mapping = { name: 'isolation', fields, ...(brand.mapping ? { brand: brand.mapping } : {}) };
  const body = new FormData();
  body.append(
    'file',
    new Blob([`${Object.keys(row).join(',')}\n${Object.values(row).join(',')}\n`]),
    'x.csv',
  );
  body.append('mappingJson', JSON.stringify(mapping));
  if (brand.form) body.append('brand', brand.form);
  return { label, path: '/api/imports', init: { method: 'POST', headers: a.bearer, body } };
}

const row = (milestoneId: string, extra: Record<string, string> = {}) => ({
  milestoneId,
  partnerId: 'P-ALPHA-1',
  baselineDue: '2024-08-10',
  amount: '100',
  ...extra,
});

/** Per write route (`METHOD /path` as registered), the samples aimed at a target brand. */
export const writeSamples: Record<string, Sample[]> = {
  'POST /api/advice/check': [
    ({ t }, a) => json(a, '/api/advice/check', { contractId: t.contractId }, 'its contract'),
    ({ t }, a) =>
      json(a, '/api/advice/check', { plan: draftPlan(t.brandId, t.partnerId) }, 'a plan for it'),
  ],
  'POST /api/advice/refine': [
    ({ t }, a) => json(a, '/api/advice/refine', { contractId: t.contractId }, 'its contract'),
    ({ t }, a) =>
      json(a, '/api/advice/refine', { plan: draftPlan(t.brandId, t.partnerId) }, 'a plan for it'),
  ],
  'POST /api/advice/split': [
    ({ t }, a) =>
      json(a, '/api/advice/split', { contractId: t.contractId, runs: 100 }, 'its contract'),
  ],
  'POST /api/advice/incentives': [
    ({ t }, a) =>
      json(a, '/api/advice/incentives', { contractId: t.contractId, runs: 100 }, 'its contract'),
  ],
  'POST /api/imports': [
    ({ t }, a) => upload(a, row('M-NEW-1'), { form: t.brandId }, 'rows for its brand'),
    ({ t }, a) =>
      upload(a, row('M-NEW-2'), { mapping: { constant: t.brandId } }, 'a mapping for it'),
    ({ t }, a) =>
      upload(
        a,
        { ...row('M-NEW-3'), brand: t.brandId },
        { mapping: { column: 'brand' } },
        'a brand column',
      ),
    ({ t }, a) => upload(a, row(t.milestoneIds[0]!), { form: 'alpha' }, "its milestone's key"),
    ({ t }, a) =>
      upload(
        a,
        row(`M-NEW-4-${t.contractId}`, { contractId: t.contractId, projectId: t.projectId }),
        { form: 'alpha' },
        'its contract and project',
      ),
  ],
  'POST /api/models/train': [(_x, a) => json(a, '/api/models/train', {}, 'retrain its model')],
  'POST /api/tokens': [
    ({ t }, a) =>
      json(a, '/api/tokens', { name: 'x', role: 'admin', brands: [t.brandId] }, 'a token for it'),
  ],
  'DELETE /api/tokens/{id}': [
    (x, a) => ({
      label: 'its token',
      path: `/api/tokens/${x.tokenId}`,
      init: { method: 'DELETE', headers: a.bearer },
    }),
  ],
  'POST /api/auth/signout': [
    (x, a) => ({
      label: 'with its session cookie beside our bearer token',
      path: '/api/auth/signout',
      init: { method: 'POST', headers: { ...a.bearer, Cookie: x.sessionCookie } },
    }),
    (_x, a) => ({
      label: 'our own session',
      path: '/api/auth/signout',
      init: { method: 'POST', headers: a.session },
    }),
  ],
};

/** Write routes not called here, each with its reason. */
export const writesNotExercised: Record<string, string> = {
  'POST /auth/signin':
    'has no caller: it turns the token in its form into a session of that token; see signin.test.ts',
};
