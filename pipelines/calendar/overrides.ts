// Local corrections applied on top of the holiday source: company days off, partner-specific
// working days, or next year's schedule before the package publishes it.
import { z } from 'zod';
import { isIsoDate } from './iso-date.ts';

const DayName = z.string().trim().min(1, 'needs a non-empty name').max(200, 'name is too long');

const OverridesSchema = z
  .strictObject({
    $comment: z.unknown().optional(),
    /** Extra days off: date -> name shown as the holiday. */
    holidays: z.record(z.string(), DayName).default({}),
    /** Extra working days: date -> reason (e.g. "Make-up day"). */
    workdays: z.record(z.string(), DayName).default({}),
    /** Years whose full official schedule is listed here, so they count as covered. */
    coveredYears: z.array(z.int().min(1900).max(2200)).default([]),
  })
  .superRefine((value, ctx) => {
    for (const kind of ['holidays', 'workdays'] as const) {
      for (const date of Object.keys(value[kind])) {
        if (!isIsoDate(date)) {
          ctx.addIssue({
            code: 'custom',
            path: [kind, date],
            message: 'is not a real calendar date (expected YYYY-MM-DD)',
          });
        }
      }
    }
    for (const date of Object.keys(value.workdays)) {
      if (Object.hasOwn(value.holidays, date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', date],
          message: 'is listed both as a holiday and as a workday',
        });
      }
    }
    const holidayYears = new Set(
      Object.keys(value.holidays).map((date) => Number(date.slice(0, 4))),
    );
    value.coveredYears.forEach((year, i) => {
      if (!holidayYears.has(year)) {
        ctx.addIssue({
          code: 'custom',
          path: ['coveredYears', i],
          message: `${year} is declared covered but no holidays of ${year} are listed`,
        });
      }
    });
  })
  // JSON has no comments, so the file documents itself in "$comment"; the calendar never needs it.
  .transform(({ $comment: _comment, ...overrides }) => overrides);

export type CalendarOverrides = z.output<typeof OverridesSchema>;
export type CalendarOverridesInput = z.input<typeof OverridesSchema>;

export const NO_OVERRIDES: CalendarOverrides = { holidays: {}, workdays: {}, coveredYears: [] };

/** Raised for an override file or object that does not validate; the message names each bad entry. */
export class CalendarOverridesError extends Error {
  readonly origin: string;
  readonly problems: readonly string[];

  constructor(origin: string, problems: readonly string[]) {
    super(`Invalid calendar overrides in ${origin}: ${problems.join('; ')}`);
    this.name = 'CalendarOverridesError';
    this.origin = origin;
    this.problems = problems;
  }
}

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const text = String(key);
      return i === 0 ? text : `[${JSON.stringify(text)}]`;
    })
    .join('');
}

/** Validates override data; `origin` (a file path or "options.overrides") appears in errors. */
export function parseOverrides(input: unknown, origin = 'overrides'): CalendarOverrides {
  const result = OverridesSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${describePath(issue.path)}: ${issue.message}`,
  );
  throw new CalendarOverridesError(origin, problems);
}
