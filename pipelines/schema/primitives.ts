import { z } from 'zod';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` (no time zone) that exists in the Gregorian calendar. */
export const IsoDate = z
  .string()
  .regex(isoDatePattern, 'expected a date as YYYY-MM-DD')
  .refine(isRealDate, 'not a real calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

/** A cohort month `YYYY-MM`. */
export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');
export type IsoMonth = z.infer<typeof IsoMonth>;

/** Identifiers are strings from the source system; never numbers (they may have leading zeros). */
export const Id = z.string().min(1).max(128);

/** Money with two decimals; stored as DECIMAL(18,2) in the warehouse. */
export const Money = z
  .number()
  .finite()
  .refine((v) => Math.abs(v) < 1e16, 'amount too large');

export const Percent = z.number().min(0).max(100);

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
