import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTruth } from '../../../pipelines/demo/demo-truth.ts';
import type { LoadDemoResult } from '../../../pipelines/demo/load-demo.ts';
import { estimatePolicyDid } from '../../../pipelines/demo/policy-did.ts';
import type { PolicyDid } from '../../../pipelines/demo/policy-did.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { demoWarehouse, rows } from './demo-warehouse.ts';

// Tolerance of the DiD estimates at the default size (25,000 milestones, 40 brands, 16 of them
// switching). The on-time estimate rests on ~7,500 completed milestones of switching brands: the
// binomial noise of the four cells alone gives a standard error of ~0.04 on the relative effect,
// and contract-level heterogeneity (which partner, which campaign calendar) adds about as much.
// Over 80 seeds the estimates averaged +0.39 and -0.21 with standard deviations of ~0.07 (on
// time) and ~0.06 (disputes), so ±0.2 (three SDs) is the tolerance this size supports: it was
// exceeded once in 80 seeds (by 0.003), while ±0.12 failed for 8 of them. At 100,000 milestones
// the SD falls to ~0.02-0.035.
const TOLERANCE = 0.2;

async function truthOf(wh: Warehouse): Promise<DemoTruth> {
  const [r] = await wh.withConnection((c) =>
    rows(c, `SELECT value::VARCHAR AS v FROM dataset_facts WHERE key = 'demo_truth'`),
  );
  return JSON.parse(String(r?.v)) as DemoTruth;
}

describe('planted policy effect', () => {
  let wh: Warehouse;
  let result: LoadDemoResult;
  let truth: DemoTruth;
  let did: PolicyDid;
  beforeAll(async () => {
    ({ wh, result } = await demoWarehouse());
    truth = await truthOf(wh);
    did = await wh.withConnection((c) => estimatePolicyDid(c));
  });
  afterAll(() => wh.close());

  it('records the truth in dataset_facts, matching policy_changes', async () => {
    expect(truth).toEqual(result.truth);
    expect(truth.policyEffect.onTimeRelative).toBe(0.38);
    expect(truth.policyEffect.disputeRelative).toBe(-0.22);
    const changes = await wh.withConnection((c) =>
      rows(c, `SELECT brand_id, change_date::VARCHAR AS d FROM policy_changes ORDER BY brand_id`),
    );
    expect(changes.map((r) => [r.brand_id, r.d])).toEqual(
      [...truth.policyEffect.switchingBrands]
        .sort((a, b) => a.brandId.localeCompare(b.brandId))
        .map((s) => [s.brandId, s.changeDate]),
    );
    expect(truth.policyEffect.switchingBrands).toHaveLength(16);
    expect(truth.policyEffect.controlBrands).toHaveLength(24);
  });

  it('plants the nominal effect on the switched milestones (the probability cap barely binds)', () => {
    const realised = truth.policyEffect.realised;
    expect(realised.treatedMilestones).toBeGreaterThan(4000);
    expect(realised.onTimeRelative).toBeGreaterThan(0.36);
    expect(realised.onTimeRelative).toBeLessThanOrEqual(0.38);
    expect(realised.disputeRelative).toBeCloseTo(-0.22, 2);
  });

  it('is recovered by a difference-in-differences within the tolerance', () => {
    expect(did.onTime.treatedBefore.denominator).toBeGreaterThan(2500);
    expect(did.onTime.treatedAfter.denominator).toBeGreaterThan(2500);
    expect(
      Math.abs((did.onTime.relative ?? Number.NaN) - truth.policyEffect.onTimeRelative),
    ).toBeLessThan(TOLERANCE);
    expect(
      Math.abs((did.dispute.relative ?? Number.NaN) - truth.policyEffect.disputeRelative),
    ).toBeLessThan(TOLERANCE);
  });

  it('has a common trend the control brands show, which a naive before/after would mistake for effect', () => {
    const { onTime, dispute } = did;
    expect(onTime.controlAfter.rate).toBeLessThan(onTime.controlBefore.rate ?? 0);
    expect(dispute.controlAfter.rate).toBeGreaterThan(dispute.controlBefore.rate ?? 1);
    expect(onTime.naive).toBeLessThan(onTime.relative ?? 0);
    expect(dispute.naive).toBeGreaterThan(dispute.relative ?? 0);
  });
});

describe('placebo: no planted effect', () => {
  it('gives a DiD estimate near zero', async () => {
    const { wh } = await demoWarehouse({ effect: { onTimeRelative: 0, disputeRelative: 0 } });
    try {
      const did = await wh.withConnection((c) => estimatePolicyDid(c));
      expect(Math.abs(did.onTime.relative ?? Number.NaN)).toBeLessThan(TOLERANCE);
      expect(Math.abs(did.dispute.relative ?? Number.NaN)).toBeLessThan(TOLERANCE);
      expect((await truthOf(wh)).policyEffect.realised.onTimeRelative).toBe(0);
    } finally {
      await wh.close();
    }
  });
});
