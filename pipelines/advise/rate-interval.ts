// Intervals for the backtest figures: Wilson for a proportion, Katz (log) for a risk ratio.
const Z95 = 1.959964;

export interface Proportion {
  k: number;
  n: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

export function wilson(k: number, n: number, z = Z95): Proportion {
  if (n === 0) return { k, n, rate: null, low: null, high: null };
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { k, n, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface RiskRatio {
  flagged: Proportion;
  unflagged: Proportion;
  /** flagged rate / unflagged rate, with its 95% interval. */
  lift: number | null;
  low: number | null;
  high: number | null;
}

/** Risk ratio a/n1 over b/n2 with the Katz log interval (0.5 added to empty cells). */
export function riskRatio(a: number, n1: number, b: number, n2: number, z = Z95): RiskRatio {
  const flagged = wilson(a, n1);
  const unflagged = wilson(b, n2);
  if (n1 === 0 || n2 === 0) return { flagged, unflagged, lift: null, low: null, high: null };
  const [x, y] = a === 0 || b === 0 ? [a + 0.5, b + 0.5] : [a, b];
  const [m1, m2] = a === 0 || b === 0 ? [n1 + 0.5, n2 + 0.5] : [n1, n2];
  const lift = x / m1 / (y / m2);
  const se = Math.sqrt(1 / x - 1 / m1 + 1 / y - 1 / m2);
  return {
    flagged,
    unflagged,
    lift: b === 0 ? null : a / n1 / (b / n2),
    low: lift * Math.exp(-z * se),
    high: lift * Math.exp(z * se),
  };
}
