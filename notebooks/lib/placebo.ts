// A placebo test of the difference-in-differences: pretend every brand switched `months` earlier
// than it did and keep only milestones due before the first real switch, so no milestone in the
// sample was treated. The estimate should then be near zero; a clear effect would mean that
// treated and control brands were already drifting apart, not that the pricing change worked.
// The real pipeline (policyImpact) runs on the shifted dates inside a transaction that is rolled
// back, so the warehouse is left exactly as it was.
import type { DuckDBConnection } from '@duckdb/node-api';
import { policyImpact } from '../../pipelines/policy/policy-impact.ts';
import { PolicyImpactQuery, type PolicyImpact } from '../../pipelines/schema/policy.ts';
import { queryRows } from '../../pipelines/warehouse/query.ts';

export interface PlaceboResult {
  months: number;
  /** Last baseline due date in the sample: the day before the first real switch. */
  sampleEnd: string;
  impact: PolicyImpact;
}

export async function placeboImpact(
  conn: DuckDBConnection,
  months: number,
  options: { replicates?: number; seed?: number } = {},
): Promise<PlaceboResult> {
  const [first] = await queryRows<{ end: string | null }>(
    conn,
    `SELECT strftime(min(change_date) - INTERVAL 1 DAY, '%Y-%m-%d') AS "end" FROM policy_changes
     WHERE to_model = 'milestone'`,
    {},
  );
  if (!first?.end) throw new Error('no switch to milestone pricing in policy_changes');
  const query = PolicyImpactQuery.parse({
    to: first.end,
    replicates: options.replicates ?? 200,
    seed: options.seed ?? 42,
  });
  await conn.run('BEGIN TRANSACTION');
  try {
    await conn.run(
      `UPDATE policy_changes SET change_date = change_date - to_months($months::INTEGER)
       WHERE to_model = 'milestone'`,
      { months },
    );
    return { months, sampleEnd: first.end, impact: await policyImpact(conn, query) };
  } finally {
    await conn.run('ROLLBACK');
  }
}
