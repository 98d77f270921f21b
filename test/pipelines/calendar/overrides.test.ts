import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CalendarOverridesError,
  DEFAULT_OVERRIDES_FILE,
  chinaCalendar,
  createCalendar,
  readOverridesFile,
} from '../../../pipelines/calendar/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'milepost-calendar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeJson(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('programmatic overrides', () => {
  const calendar = createCalendar({
    overridesFile: null,
    overrides: {
      holidays: { '2026-10-09': 'Company retreat' },
      workdays: { '2026-10-10': 'Make-up day', '2024-02-12': 'Partner works through CNY' },
    },
  });

  it('turns a working Friday into a named holiday', () => {
    expect(createCalendar({ overridesFile: null }).isWorkday('2026-10-09')).toBe(true);
    expect(calendar.isWorkday('2026-10-09')).toBe(false);
    expect(calendar.isHoliday('2026-10-09')).toBe('Company retreat');
  });

  it('turns an official holiday into a working day and drops its holiday name', () => {
    expect(calendar.isWorkday('2024-02-12')).toBe(true);
    expect(calendar.isHoliday('2024-02-12')).toBeNull();
    expect(calendar.isWorkday('2026-10-10')).toBe(true); // the package already lists it; still a workday
  });

  it('feeds the workday index, not just the day lookups', () => {
    expect(calendar.addWorkdays('2024-02-09', 1)).toBe('2024-02-12');
    expect(calendar.addWorkdays('2026-10-08', 1)).toBe('2026-10-10');
    expect(calendar.workdaysBetween('2026-10-08', '2026-10-12')).toBe(2);
  });

  it('applies overrides outside the covered years and can declare a year covered', () => {
    const withNextYear = createCalendar({
      overridesFile: null,
      overrides: {
        holidays: { '2027-02-08': 'Spring Festival', '2027-02-09': 'Spring Festival' },
        coveredYears: [2027],
      },
    });
    expect(withNextYear.isWorkday('2027-02-08')).toBe(false);
    expect(withNextYear.isCovered('2027-02-08')).toBe(true);
    expect(withNextYear.coveredYears.at(-1)).toBe(2027);
    expect(withNextYear.workdaysBetween('2027-02-05', '2027-02-10')).toBe(1);
  });
});

describe('override files', () => {
  it('ships a valid, empty override file that the shared calendar loads', () => {
    expect(readOverridesFile(DEFAULT_OVERRIDES_FILE)).toEqual({
      holidays: {},
      workdays: {},
      coveredYears: [],
    });
    expect(chinaCalendar.isWorkday('2024-02-04')).toBe(true);
    expect(chinaCalendar.coveredYears).toContain(2026);
  });

  it('reads a custom file path, with programmatic overrides layered on top', () => {
    const path = writeJson('ok.json', { holidays: { '2025-03-03': 'Team offsite' }, workdays: {} });
    const calendar = createCalendar({
      overridesFile: path,
      overrides: { workdays: { '2025-03-03': 'Cancelled' } },
    });
    expect(createCalendar({ overridesFile: path }).isHoliday('2025-03-03')).toBe('Team offsite');
    expect(calendar.isWorkday('2025-03-03')).toBe(true);
  });

  it.each([
    [
      'an impossible date',
      { holidays: { '2026-02-30': 'X' } },
      'holidays["2026-02-30"]: is not a real calendar date',
    ],
    ['a badly formatted date', { workdays: { '2026/10/10': 'X' } }, 'workdays["2026/10/10"]'],
    [
      'an empty name',
      { holidays: { '2026-10-09': '' } },
      'holidays["2026-10-09"]: needs a non-empty name',
    ],
    ['a non-string name', { holidays: { '2026-10-09': 3 } }, 'holidays["2026-10-09"]'],
    [
      'a date on both lists',
      { holidays: { '2026-10-09': 'A' }, workdays: { '2026-10-09': 'B' } },
      'workdays["2026-10-09"]: is listed both',
    ],
    ['an unknown key', { holiday: {} }, 'holiday'],
    [
      'a covered year without holidays',
      { coveredYears: [2027] },
      'coveredYears[0]: 2027 is declared covered',
    ],
  ])('rejects %s, naming the entry and the file', (_, content, fragment) => {
    const path = writeJson('bad.json', content);
    expect(() => createCalendar({ overridesFile: path })).toThrow(CalendarOverridesError);
    expect(() => createCalendar({ overridesFile: path })).toThrow(fragment);
    expect(() => createCalendar({ overridesFile: path })).toThrow(
      `Invalid calendar overrides in ${path}`,
    );
  });

  it('rejects a file that is not JSON or does not exist', () => {
    const path = writeJson('broken.json', '{ "holidays": ');
    expect(() => readOverridesFile(path)).toThrow(/broken\.json: is not valid JSON/);
    expect(() => readOverridesFile(join(dir, 'missing.json'))).toThrow(
      /missing\.json: cannot be read/,
    );
  });

  it('validates programmatic overrides the same way', () => {
    expect(() =>
      createCalendar({ overridesFile: null, overrides: { holidays: { '2026-13-01': 'X' } } }),
    ).toThrow('Invalid calendar overrides in options.overrides: holidays["2026-13-01"]');
  });
});
