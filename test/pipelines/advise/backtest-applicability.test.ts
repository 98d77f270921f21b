import { describe, expect, it } from 'vitest';
import type { AdviceBacktest } from '../../../pipelines/advise/backtest-advice.ts';
import { outcomeGaps } from '../../../pipelines/advise/backtest-applicability.ts';
import {
  backtestFigures,
  type ScoredMilestone,
} from '../../../pipelines/advise/backtest-figures.ts';
import { backtestReport } from '../../../pipelines/advise/backtest-report.ts';
import { backtestAdvice } from '../../../pipelines/advise/backtest-advice.ts';
import type { HistoryRow } from '../../../pipelines/advise/history-rows.ts';
import { main } from '../../../pipelines/cli.ts';
import { fixtureWarehouse } from '../../support/fixture-warehouse.ts';

const inputs = { criteria: true, share: true, reviewWindow: true, dependencies: true };

/** Six held-out milestones: three due on a day off (two late), three not (one late). */
function fixture(over: Partial<ScoredMilestone> = {}): ScoredMilestone[] {
  return [true, true, false, true, false, false].map((late, i) => ({
    kinds: i < 3 ? ['due_in_holiday', 'due_before_p50'] : ['due_before_p50'],
    inputs,
    late,
    disputed: i === 0,
    metConfidence: i !== 1,
    metMoved: null,
    metMovedDirect: null,
    metSigned: !late,
    ...over,
  }));
}

const noGaps = { delivery: null, dispute: null };

describe('advice backtest: rules the data cannot support', () => {
  it('reports a rule firing on every held-out milestone as not applicable, with its reason', () => {
    const f = backtestFigures(fixture(), noGaps);
    expect(f.notApplicable).toContainEqual({
      kind: 'due_before_p50',
      flagged: 6,
      reason: 'fires on every held-out milestone (6), no comparison group',
    });
    expect(f.byKind.map((k) => k.kind)).toEqual(['due_in_holiday']);
    const holiday = f.byKind[0]!;
    expect([holiday.slip.flagged.k, holiday.slip.flagged.n]).toEqual([2, 3]);
    expect(holiday.slip.lift).toBeCloseTo(2, 10);
    // "any finding" counts only applicable rules, so it keeps a comparison group.
    expect(f.anyNotApplicable).toBeNull();
    expect(f.slip.lift).toBeCloseTo(2, 10);
  });

  it('reports a rule firing on no held-out milestone as not applicable', () => {
    const f = backtestFigures(fixture(), noGaps);
    expect(f.notApplicable).toContainEqual({
      kind: 'type_variable',
      flagged: 0,
      reason: 'fires on no held-out milestone, no flagged group',
    });
  });

  it('names the missing input before counting (criteria absent: not applicable even if flagged)', () => {
    const rows = fixture({
      kinds: ['criteria_not_measurable'],
      inputs: { ...inputs, criteria: false, dependencies: false },
    });
    const f = backtestFigures(rows, noGaps);
    const reasons = Object.fromEntries(f.notApplicable.map((n) => [n.kind, n.reason]));
    expect(reasons.criteria_not_measurable).toBe('no acceptance criteria in this data');
    expect(reasons.chain_no_buffer).toBe('no milestone dependencies in this data');
    expect(f.byKind).toEqual([]);
    expect(f.anyNotApplicable).toBe('fires on no held-out milestone, no flagged group');
  });

  it('prints the reasons instead of "-" and skips outcomes the data lacks', () => {
    const history = [{ approved: '2024-01-02', disputed: false }] as HistoryRow[];
    const gaps = outcomeGaps(history);
    expect(gaps).toEqual({ delivery: null, dispute: 'no disputes in this data' });
    const b: AdviceBacktest = {
      cutoff: '2024-01-01',
      forecasts: 'reference_class',
      heldOut: 'contracts',
      asOf: '2024-12-31',
      contracts: 2,
      confidence: 0.8,
      ...backtestFigures(fixture(), gaps),
    };
    const text = backtestReport(b);
    expect(text).toContain(
      'due_before_p50 (6)         not applicable: fires on every held-out milestone (6), no comparison group',
    );
    expect(text).toContain('every rule                 not applicable: no disputes in this data');
    expect(text).toMatch(/due_in_holiday \(3\) +66\.7% \(2\/3\) vs 33\.3% \(1\/3\) +lift 2\.00/);
    expect(text).not.toMatch(/lift - /);
    const none = outcomeGaps([{ approved: null, disputed: false }] as HistoryRow[]);
    expect(backtestReport({ ...b, outcomeGaps: none })).toContain(
      'forecast P80 date          not applicable: no delivery (approval) dates in this data',
    );
  });

  it('leaves the JSON figures of an outcome the data lacks empty, not computed from "late"', () => {
    const rows = fixture();
    const known = backtestFigures(rows, noGaps);
    expect(known.coverage.n).toBeGreaterThan(0);
    expect(known.slip.flagged.n + known.slip.unflagged.n).toBeGreaterThan(0);
    const f = backtestFigures(rows, {
      delivery: 'no delivery (approval) dates in this data',
      dispute: null,
    });
    expect(f.coverage).toMatchObject({ n: 0, rate: null });
    expect(f.signedCoverage).toMatchObject({ n: 0, rate: null });
    expect(f.slip).toMatchObject({ lift: null, flagged: { n: 0 }, unflagged: { n: 0 } });
    expect(f.byKind.every((k) => k.slip.lift === null)).toBe(true);
    expect(f.dispute).toEqual(known.dispute);
    const g = backtestFigures(rows, { delivery: null, dispute: 'no disputes in this data' });
    expect(g.dispute.lift).toBeNull();
    expect(g.slip).toEqual(known.slip);
  });

  it("holds out whole contracts, or each contract's milestones starting after the cutoff", async () => {
    const wh = await fixtureWarehouse('kpi-small', '2024-12-31');
    try {
      const run = (heldOut: 'contracts' | 'milestones') =>
        wh.withConnection((c) => backtestAdvice(c, { cutoff: '2024-01-20', heldOut }));
      // C2 starts after the cutoff (M4-M6; M7 is cancelled); C1 and C3 start before it.
      const whole = await run('contracts');
      expect([whole.heldOut, whole.contracts, whole.milestones]).toEqual(['contracts', 1, 3]);
      // M3 of C1 starts after the cutoff too.
      const part = await run('milestones');
      expect([part.heldOut, part.contracts, part.milestones]).toEqual(['milestones', 2, 4]);
      expect(part.notApplicable.map((n) => n.kind)).toContain('chain_no_buffer');
    } finally {
      await wh.close();
    }
  });

  it('refuses an unknown --held-out with a usage error', async () => {
    expect(await main(['advise', '--backtest', '--held-out', 'projects'])).toBe(2);
  });
});
