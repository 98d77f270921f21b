// The backtest figures as printed by `milepost advise --backtest`.
import type { AdviceBacktest } from './backtest-advice.ts';
import type { Proportion, RiskRatio } from './rate-interval.ts';

const pct = (x: number | null, digits = 0) => (x === null ? '-' : `${(x * 100).toFixed(digits)}%`);
const fixed = (x: number | null) => x?.toFixed(2) ?? '-';

const ratio = (label: string, r: RiskRatio) =>
  `  ${label.padEnd(26)} ${pct(r.flagged.rate, 1)} (${r.flagged.k}/${r.flagged.n}) vs ${pct(r.unflagged.rate, 1)} (${r.unflagged.k}/${r.unflagged.n})  lift ${fixed(r.lift)} [${fixed(r.low)}, ${fixed(r.high)}]`;

const notApplicable = (label: string, reason: string) =>
  `  ${label.padEnd(26)} not applicable: ${reason}`;

const empty = (b: AdviceBacktest) => (b.milestones === 0 ? 'no held-out milestones' : null);

/** One outcome's lift rows: "any finding" and each applicable rule, or why there are none. */
function liftRows(b: AdviceBacktest, y: 'slip' | 'dispute'): string[] {
  const gap = empty(b) ?? (y === 'slip' ? b.outcomeGaps.delivery : b.outcomeGaps.dispute);
  if (gap) return [notApplicable('every rule', gap)];
  return [
    b.anyNotApplicable
      ? notApplicable('any finding', b.anyNotApplicable)
      : ratio('any finding', b[y]),
    ...b.byKind.map((k) => ratio(`${k.kind} (${k.flagged})`, k[y])),
  ];
}

function coverageRows(b: AdviceBacktest): string[] {
  const p = `P${Math.round(b.confidence * 100)}`;
  const gap = empty(b) ?? b.outcomeGaps.delivery;
  if (gap) return [notApplicable(`forecast ${p} date`, gap)];
  const cov = (label: string, c: Proportion) =>
    `  ${label.padEnd(34)} ${pct(c.rate, 1)} (${c.k}/${c.n}) [${pct(c.low, 1)}, ${pct(c.high, 1)}]`;
  return [
    cov(`forecast ${p} date`, b.coverage),
    cov('moved due date (suggestion)', b.movedCoverage),
    cov('  moved on its own forecast', b.movedDirectCoverage),
    cov('signed due date (as planned)', b.signedCoverage),
  ];
}

/** The backtest figures as printed by `milepost advise --backtest`. */
export function backtestReport(b: AdviceBacktest): string {
  const unit = b.heldOut === 'milestones' ? 'milestones starting after it' : 'whole contracts';
  return [
    `Advice backtest: advice with history before ${b.cutoff} (forecasts: ${b.forecasts.replace('_', ' ')}), outcomes as of ${b.asOf}; ${b.contracts} contracts, ${b.milestones} milestones held out (${unit}).`,
    'Slip (delivered after the signed due date), flagged vs unflagged, lift [95% CI]:',
    ...liftRows(b, 'slip'),
    'Dispute (disputed / submitted), flagged vs unflagged:',
    ...liftRows(b, 'dispute'),
    'Rules not applicable to this data (no lift computed):',
    ...(b.notApplicable.length
      ? b.notApplicable.map((n) => notApplicable(`${n.kind} (${n.flagged})`, n.reason))
      : ['  none']),
    `Due dates at the forecast P${Math.round(b.confidence * 100)}, share met [95% CI]:`,
    ...coverageRows(b),
  ].join('\n');
}
