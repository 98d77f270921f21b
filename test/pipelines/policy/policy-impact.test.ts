import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTruth } from '../../../pipelines/demo/demo-truth.ts';
import { estimatePolicyDid, type PolicyDid } from '../../../pipelines/demo/policy-did.ts';
import { policyImpact } from '../../../pipelines/policy/policy-impact.ts';
import type { PolicyImpact, PolicyImpactQuery } from '../../../pipelines/schema/policy.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { demoWarehouse, rows } from '../demo/demo-warehouse.ts';

// The default demo (25,000 milestones, 16 of 40 brands switching). test/pipelines/demo/
// policy-effect.test.ts explains the ±0.2 tolerance this size supports.
const TOLERANCE = 0.2;
const query: PolicyImpactQuery = { tolerance: 0, replicates: 300, seed: 11 };

describe('policy impact (stacked DiD with a brand-clustered bootstrap)', () => {
  let wh: Warehouse;
  let truth: DemoTruth;
  let did: PolicyDid;
  let impact: PolicyImpact;
  beforeAll(async () => {
    ({ wh } = await demoWarehouse());
    const [r] = await wh.withConnection((c) =>
      rows(c, `SELECT value::VARCHAR AS v FROM dataset_facts WHERE key = 'demo_truth'`),
    );
    truth = JSON.parse(String(r?.v)) as DemoTruth;
    did = await wh.withConnection((c) => estimatePolicyDid(c));
    impact = await wh.withConnection((c) => policyImpact(c, query));
  }, 60_000);
  afterAll(() => wh.close());

  it('has the point estimates of the demo’s own estimator, cell by cell', () => {
    expect(impact.onTime.differenceInDifferences.relative.value).toBeCloseTo(
      did.onTime.relative ?? NaN,
      12,
    );
    expect(impact.dispute.differenceInDifferences.relative.value).toBeCloseTo(
      did.dispute.relative ?? NaN,
      12,
    );
    expect(impact.onTime.beforeAfter.relative.value).toBeCloseTo(did.onTime.naive ?? NaN, 12);
    expect(impact.onTime.treatedAfter.numerator).toBe(did.onTime.treatedAfter.numerator);
    expect(impact.onTime.controlBefore.denominator).toBe(did.onTime.controlBefore.denominator);
    expect(impact.treatedBrands).toBe(truth.policyEffect.switchingBrands.length);
    expect(impact.controlBrands).toBe(truth.policyEffect.controlBrands.length);
  });

  it('recovers the planted effect, inside its interval', () => {
    const planted = truth.policyEffect.realised;
    const onTime = impact.onTime.differenceInDifferences.relative;
    const dispute = impact.dispute.differenceInDifferences.relative;
    expect(Math.abs((onTime.value ?? 0) - (planted.onTimeRelative ?? 0))).toBeLessThan(TOLERANCE);
    expect(Math.abs((dispute.value ?? 0) - (planted.disputeRelative ?? 0))).toBeLessThan(TOLERANCE);
    const [lo, hi] = onTime.interval ?? [NaN, NaN];
    expect(lo).toBeLessThan(onTime.value ?? NaN);
    expect(hi).toBeGreaterThan(onTime.value ?? NaN);
    expect(lo).toBeLessThan(planted.onTimeRelative ?? NaN);
    expect(hi).toBeGreaterThan(planted.onTimeRelative ?? NaN);
  });

  it('never gives a rate without its counts and interval', () => {
    for (const r of [impact.onTime, impact.dispute]) {
      for (const cell of [r.treatedBefore, r.treatedAfter, r.controlBefore, r.controlAfter]) {
        expect(cell.denominator).toBeGreaterThan(0);
        expect(cell.value).toBeCloseTo(cell.numerator / cell.denominator, 12);
        expect(cell.interval).not.toBeNull();
      }
    }
  });

  it('gives the same intervals for the same seed and others for another', async () => {
    const again = await wh.withConnection((c) => policyImpact(c, query));
    expect(again).toEqual(impact);
    const other = await wh.withConnection((c) => policyImpact(c, { ...query, seed: 12 }));
    expect(other.onTime.differenceInDifferences.relative.interval).not.toEqual(
      impact.onTime.differenceInDifferences.relative.interval,
    );
  });

  it('uses only the caller’s brands as treated and controls', async () => {
    const treated = truth.policyEffect.switchingBrands[0]?.brandId ?? '';
    const control = truth.policyEffect.controlBrands[0] ?? '';
    const scoped = await wh.withConnection((c) => policyImpact(c, query, [treated, control]));
    expect([scoped.treatedBrands, scoped.controlBrands]).toEqual([1, 1]);
    const none = await wh.withConnection((c) => policyImpact(c, query, []));
    expect([none.treatedBrands, none.controlBrands]).toEqual([0, 0]);
    expect(none.onTime.differenceInDifferences.relative).toEqual({ value: null, interval: null });
  });
});
