import type { DuckDBConnection } from '@duckdb/node-api';
import { dataAsOf } from '../kpi/data-as-of.ts';
import type { BrandScope } from '../kpi/filter-sql.ts';
import type { DidResult, PolicyImpact, PolicyImpactQuery } from '../schema/policy.ts';
import { bootstrapDid, percentileInterval } from './did-bootstrap.ts';
import { readPolicyData } from './policy-data.ts';
import {
  didFigures,
  nControl,
  nTreated,
  stackedCounts,
  type DidFigures,
  type StackedCounts,
} from './stacked-did.ts';

const LEVEL = 0.95;

/**
 * Before/after and difference-in-differences of the on-time and dispute rates around each
 * brand's switch to milestone pricing, with counts and brand-clustered bootstrap intervals.
 * The point estimate is that of pipelines/demo/policy-did.ts (estimatePolicyDid).
 */
export async function policyImpact(
  conn: DuckDBConnection,
  query: PolicyImpactQuery,
  scope: BrandScope = null,
): Promise<PolicyImpact> {
  const data = await readPolicyData(conn, query, scope);
  const ones = (n: number) => new Float64Array(n).fill(1);
  const counts = stackedCounts(data, ones(nTreated(data)), ones(nControl(data)));
  const draws = bootstrapDid(data, query.replicates, query.seed);
  return {
    asOf: await dataAsOf(conn, scope),
    method:
      'stacked difference-in-differences: each switching brand before/after its first switch to milestone pricing (by baseline due date), brands that never switched split at the same dates',
    treatedBrands: data.treatedBrands.length,
    controlBrands: data.controlBrands.length,
    switchDates: { first: data.dates[0] ?? null, last: data.dates.at(-1) ?? null },
    bootstrap: { replicates: query.replicates, seed: query.seed, level: LEVEL },
    onTime: didResult(counts, 0, draws.onTime),
    dispute: didResult(counts, 2, draws.dispute),
  };
}

function didResult(c: StackedCounts, num: 0 | 2, draws: readonly DidFigures[]): DidResult {
  const point = didFigures(c, num);
  const ci = (pick: (f: DidFigures) => number | null) => percentileInterval(draws.map(pick), LEVEL);
  const cell = (xs: number[], k: 0 | 1 | 2 | 3) => ({
    value: point.rates[k],
    numerator: xs[num] ?? 0,
    denominator: xs[num + 1] ?? 0,
    interval: ci((f) => f.rates[k]),
  });
  const est = (pick: (f: DidFigures) => number | null) => ({
    value: pick(point),
    interval: ci(pick),
  });
  return {
    treatedBefore: cell(c.treatedBefore, 0),
    treatedAfter: cell(c.treatedAfter, 1),
    controlBefore: cell(c.controlBefore, 2),
    controlAfter: cell(c.controlAfter, 3),
    beforeAfter: { relative: est((f) => f.naiveRelative), absolute: est((f) => f.naiveAbsolute) },
    differenceInDifferences: {
      relative: est((f) => f.didRelative),
      absolute: est((f) => f.didAbsolute),
    },
  };
}
