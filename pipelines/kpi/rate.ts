import type { Rate } from '../schema/kpis.ts';

/** A rate with its counts; null value when nothing is in the denominator. */
export function rate(numerator: number, denominator: number): Rate {
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator };
}
