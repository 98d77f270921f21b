// A model factor in words: "Partner’s late rate (79.3%) raises". Pure; names come from the dictionary.
import type { Format } from '../format.ts';

export interface Factor {
  feature: string;
  value: number | string | null;
  effect: number;
}

export interface ReasonWords {
  names: Record<string, string>;
  raises: string;
  lowers: string;
  /** An overdue milestone's reason: a fact, not a model factor. */
  pastDue: (days: string) => string;
  /** Categorical values in words (milestone types, partner kinds). */
  values?: Record<string, string>;
}

// age_ratio: time elapsed as a share of the plan (an in-flight milestone's age).
const rateFeatures = /(_rate|share|^age_ratio)$/;

export function factorValue(
  factor: Factor,
  f: Format,
  values: Record<string, string> = {},
): string {
  const v = factor.value;
  if (v === null) return '';
  if (typeof v === 'string') return values[v] ?? v.replace(/_/g, ' ');
  if (rateFeatures.test(factor.feature)) return f.percent(v);
  if (factor.feature === 'partner_log_ratio') return `${f.days(Math.exp(v))}×`;
  return f.days(v);
}

export function reasonText(factor: Factor, f: Format, words: ReasonWords): string {
  if (factor.feature === 'days_past_due') return words.pastDue(factorValue(factor, f));
  const name = words.names[factor.feature] ?? factor.feature.replace(/_/g, ' ');
  const value = factorValue(factor, f, words.values);
  const direction = factor.effect >= 0 ? words.raises : words.lowers;
  return value ? `${name} (${value}) ${direction}` : `${name} ${direction}`;
}
