import { describe, expect, it } from 'vitest';
import { backtestSource } from '../../../pipelines/models/backtest/run-source.ts';
import type { ScoreRow } from '../../../pipelines/models/backtest/score-rows.ts';

// The real datasets through the real importer (CI has ../shared beside the checkout).
const value = (scores: ScoreRow[], model: string, metric: string) =>
  scores.find((s) => s.model === model && s.metric === metric && s.split.startsWith('holdout'))
    ?.value ?? NaN;

describe('backtests on real data', () => {
  it('delayed issues (apache, due snapshot): boosted trees beat the logistic baseline and "as planned"', async () => {
    const { scores, calibration } = await backtestSource('delayed-issues', {
      tracker: 'apache',
      folds: 0,
    });
    const auc = value(scores, 'milepost', 'auc_late');
    expect(auc).toBeGreaterThan(0.85);
    expect(auc).toBeGreaterThan(value(scores, 'logistic', 'auc_late'));
    expect(value(scores, 'milepost', 'brier_late')).toBeLessThan(
      value(scores, 'as_planned', 'brier_late'),
    );
    expect(calibration.filter((c) => c.model === 'milepost').length).toBeGreaterThan(3);
    // Every one of apache's 6,289 issues, 30% of them scored.
    expect(scores.find((s) => s.metric === 'auc_late')?.n).toBe(6289 - Math.floor(6289 * 0.7));
  }, 120_000);

  it('SiP: calibrated quantiles beat both baselines on pinball loss with honest coverage', async () => {
    const { scores } = await backtestSource('sip', { folds: 0 });
    const pinball = (m: string) => value(scores, m, 'pinball_mean_p10_p50_p90');
    expect(pinball('milepost')).toBeLessThan(pinball('reference_class'));
    expect(pinball('milepost')).toBeLessThan(pinball('as_planned'));
    const cover = value(scores, 'milepost', 'coverage_p10_p90');
    expect(cover).toBeGreaterThan(0.7);
    expect(cover).toBeLessThan(0.88);
    // The protocol's 10,099 tasks (one per TaskNumber, CANCELLED and TEMPLATE dropped): 30% scored.
    expect(scores.find((s) => s.metric === 'pinball_p50')?.n).toBe(
      10_099 - Math.floor(10_099 * 0.7),
    );
  }, 120_000);
});
