// Monthly FX rates (USD per unit) near the real levels of each year, with a little seeded noise.
// They are for converting demo amounts, not a record of history.
import type { Currency } from '../schema/enums.ts';
import type { FxRate } from '../schema/records.ts';
import { monthOf, yearOf } from './day-number.ts';
import { rngFor } from '../random/prng.ts';

// Mid-year levels 2021..2026; later years hold the last level.
const levels: Readonly<Record<Exclude<Currency, 'USD'>, readonly number[]>> = {
  CNY: [0.155, 0.149, 0.141, 0.139, 0.138, 0.14],
  EUR: [1.18, 1.05, 1.08, 1.08, 1.1, 1.12],
  GBP: [1.38, 1.24, 1.24, 1.28, 1.3, 1.32],
  JPY: [0.0091, 0.0077, 0.0071, 0.0066, 0.0067, 0.0068],
  KRW: [0.00087, 0.00078, 0.00077, 0.00074, 0.00071, 0.00072],
  HKD: [0.1287, 0.1277, 0.1278, 0.128, 0.1282, 0.1283],
  AUD: [0.75, 0.69, 0.66, 0.66, 0.65, 0.66],
};
const FIRST_YEAR = 2021;
const STREAM = 4;

/** The level of `currency` at a fractional year, interpolated between mid-year levels. */
export function fxLevel(currency: Currency, year: number): number {
  if (currency === 'USD') return 1;
  const table = levels[currency];
  const x = Math.min(Math.max(year - FIRST_YEAR - 0.5, 0), table.length - 1);
  const i = Math.floor(x);
  const a = table[i] ?? 1;
  const b = table[Math.min(i + 1, table.length - 1)] ?? a;
  return a + (b - a) * (x - i);
}

/** One rate per currency per month from 2021-01 to the month of `lastDay`; USD once at 1. */
export function generateFxRates(seed: number, lastDay: number): FxRate[] {
  const rng = rngFor(seed, STREAM, 0);
  const out: FxRate[] = [{ currency: 'USD', validFrom: `${FIRST_YEAR}-01-01`, usdPerUnit: 1 }];
  const lastYear = yearOf(lastDay);
  const lastMonth = monthOf(lastDay);
  for (const currency of Object.keys(levels) as Exclude<Currency, 'USD'>[]) {
    for (let y = FIRST_YEAR; y <= lastYear; y++) {
      for (let m = 1; m <= (y === lastYear ? lastMonth : 12); m++) {
        const level = fxLevel(currency, y + (m - 0.5) / 12);
        const noisy = level * (1 + 0.008 * rng.normal());
        out.push({
          currency,
          validFrom: `${y}-${String(m).padStart(2, '0')}-01`,
          usdPerUnit: Number(noisy.toPrecision(6)),
        });
      }
    }
  }
  return out;
}

/** The fractional year of a day, for `fxLevel`. */
export function fractionalYear(day: number): number {
  const y = yearOf(day);
  const start = Date.UTC(y, 0, 1) / 86_400_000;
  return y + (day - start) / 365.25;
}
