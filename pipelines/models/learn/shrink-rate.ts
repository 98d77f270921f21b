// Empirical-Bayes shrinkage for small groups. A partner with 2 disputes in 3 milestones does
// not have a 67% dispute rate; pulling each group toward the population by an amount learned
// from how much groups really differ keeps rankings from being led by tiny groups.
//
// Rates: beta-binomial. The prior Beta(m k, (1 - m) k) has mean m = pooled rate and strength k
// from the method of moments: the between-group variance of true rates, tau^2 = m(1-m)/(k+1),
// is what the spread of observed rates shows beyond binomial noise. A group's rate becomes
// (s + m k) / (n + k): groups with n >> k keep their own rate.
// Means: Buhlmann-Straub credibility, the same idea for averages: k = within-group variance /
// between-group variance, and mean' = (n mean + k target) / (n + k).

type Values = ArrayLike<number>;

export interface BetaPrior {
  readonly mean: number;
  /** alpha + beta: how many observations the prior is worth. */
  readonly strength: number;
  readonly alpha: number;
  readonly beta: number;
}

export interface StrengthBounds {
  /** Default 1e-6. */
  readonly minStrength?: number;
  /** Used when groups differ no more than noise (full pooling). Default 1e6. */
  readonly maxStrength?: number;
}

export function fitBetaPrior(
  successes: Values,
  trials: Values,
  options: StrengthBounds = {},
): BetaPrior {
  if (successes.length !== trials.length)
    throw new RangeError('successes and trials must have the same length');
  const minStrength = options.minStrength ?? 1e-6;
  const maxStrength = options.maxStrength ?? 1e6;
  let s = 0;
  let n = 0;
  let n2 = 0;
  let k = 0;
  for (let i = 0; i < trials.length; i++) {
    const ni = trials[i] as number;
    if (!(ni > 0)) continue;
    s += successes[i] as number;
    n += ni;
    n2 += ni * ni;
    k++;
  }
  if (n === 0) throw new RangeError('No group has any trials');
  const m = s / n;
  let spread = 0;
  for (let i = 0; i < trials.length; i++) {
    const ni = trials[i] as number;
    if (ni > 0) spread += ni * ((successes[i] as number) / ni - m) ** 2;
  }
  // E[spread] = tau^2 (N - sum n^2 / N - (k - 1)) + (k - 1) m (1 - m).
  const denom = n - n2 / n - (k - 1);
  const tau2 = denom > 0 ? (spread - (k - 1) * m * (1 - m)) / denom : 0;
  const raw = tau2 > 0 && m > 0 && m < 1 ? (m * (1 - m)) / tau2 - 1 : maxStrength;
  const strength = Math.min(maxStrength, Math.max(minStrength, raw));
  return { mean: m, strength, alpha: m * strength, beta: (1 - m) * strength };
}

/** Posterior mean rate per group: (s + alpha) / (n + alpha + beta). */
export function shrinkRates(successes: Values, trials: Values, prior: BetaPrior): Float64Array {
  return Float64Array.from(
    { length: trials.length },
    (_, i) => ((successes[i] as number) + prior.alpha) / ((trials[i] as number) + prior.strength),
  );
}

export interface MeanPrior {
  readonly mean: number;
  /** k = within / between: a group with k rows is pulled halfway. */
  readonly strength: number;
  readonly within: number;
  readonly between: number;
}

/**
 * Buhlmann-Straub estimates from per-group summaries: mean, row count and sample variance
 * (n - 1 denominator) of each group.
 */
export function fitMeanPrior(
  means: Values,
  counts: Values,
  variances: Values,
  options: StrengthBounds = {},
): MeanPrior {
  const maxStrength = options.maxStrength ?? 1e6;
  const minStrength = options.minStrength ?? 1e-6;
  let n = 0;
  let n2 = 0;
  let sum = 0;
  let within = 0;
  let dof = 0;
  let k = 0;
  for (let i = 0; i < counts.length; i++) {
    const ni = counts[i] as number;
    if (!(ni > 0)) continue;
    n += ni;
    n2 += ni * ni;
    sum += ni * (means[i] as number);
    if (ni > 1) {
      within += (ni - 1) * (variances[i] as number);
      dof += ni - 1;
    }
    k++;
  }
  if (n === 0) throw new RangeError('No group has any rows');
  const mean = sum / n;
  const sigma2 = dof > 0 ? within / dof : 0;
  let spread = 0;
  for (let i = 0; i < counts.length; i++) {
    const ni = counts[i] as number;
    if (ni > 0) spread += ni * ((means[i] as number) - mean) ** 2;
  }
  const denom = n - n2 / n;
  const between = denom > 0 ? Math.max(0, (spread - (k - 1) * sigma2) / denom) : 0;
  const raw = between > 0 ? sigma2 / between : maxStrength;
  return {
    mean,
    strength: Math.min(maxStrength, Math.max(minStrength, raw)),
    within: sigma2,
    between,
  };
}

/**
 * Credibility-weighted means: (n mean + k target) / (n + k). `targets` are per-group means to
 * shrink toward (e.g. each partner's partner-kind mean); default the prior's overall mean.
 */
export function shrinkMeans(
  means: Values,
  counts: Values,
  prior: MeanPrior,
  targets?: Values,
): Float64Array {
  return Float64Array.from({ length: means.length }, (_, i) => {
    const ni = counts[i] as number;
    const target = targets ? (targets[i] as number) : prior.mean;
    return ni > 0
      ? (ni * (means[i] as number) + prior.strength * target) / (ni + prior.strength)
      : target;
  });
}
