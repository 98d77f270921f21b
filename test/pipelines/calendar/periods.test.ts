import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../pipelines/calendar/index.ts';
import { fromDayNumber } from '../../../pipelines/calendar/iso-date.ts';
import { lunarNewYear } from '../../../pipelines/calendar/lunar-new-year.ts';

const calendar = createCalendar({ overridesFile: null });
const names = (periods: readonly { name: string }[]) => periods.map((p) => p.name);

describe('periods', () => {
  it('finds the 11.11 window on its first and last day only', () => {
    expect(names(calendar.periodsOn('2024-10-19'))).toEqual([]);
    expect(calendar.periodsOn('2024-10-20')).toEqual([
      {
        name: 'double11',
        label: 'Double 11 (11.11)',
        labelZh: '双十一',
        start: '2024-10-20',
        end: '2024-11-11',
        estimated: false,
      },
    ]);
    expect(names(calendar.periodsOn('2024-11-11'))).toEqual(['double11']);
    expect(names(calendar.periodsOn('2024-11-12'))).toEqual([]);
  });

  it('widens the official Spring Festival span by the shutdown extension', () => {
    const [cny] = calendar.periodsOn('2024-02-12');
    expect(cny).toMatchObject({
      name: 'cny',
      start: '2024-02-03',
      end: '2024-02-24',
      estimated: false,
    });
    const [cny2020] = calendar.periodsOn('2020-01-25');
    expect(cny2020).toMatchObject({ start: '2020-01-17', end: '2020-02-09' }); // 01-24..02-02 official
  });

  it('lets the shutdown extension be configured', () => {
    const tight = createCalendar({
      overridesFile: null,
      cnyShutdown: { daysBefore: 0, daysAfter: 14 },
    });
    expect(tight.periodsOn('2025-01-30')[0]).toMatchObject({
      start: '2025-01-28',
      end: '2025-02-18',
    });
    expect(() => createCalendar({ overridesFile: null, cnyShutdown: { daysBefore: -1 } })).toThrow(
      'cnyShutdown.daysBefore',
    );
  });

  it('follows the official Golden Week, merged with Mid-autumn in 2023', () => {
    expect(calendar.periodsOn('2023-09-29')[0]).toMatchObject({
      name: 'golden_week',
      start: '2023-09-29',
      end: '2023-10-06',
    });
    expect(calendar.periodsOn('2025-10-08')[0]).toMatchObject({
      name: 'golden_week',
      start: '2025-10-01',
      end: '2025-10-08',
    });
  });

  it('lists the overlapping periods of a range in start order', () => {
    expect(names(calendar.periodsBetween('2024-05-01', '2024-12-31'))).toEqual([
      '618',
      'golden_week',
      'double11',
      'double12',
    ]);
    expect(names(calendar.periodsBetween('2024-12-31', '2024-05-01'))).toEqual([
      '618',
      'golden_week',
      'double11',
      'double12',
    ]);
    expect(calendar.periodsOn('2024-12-12')[0]).toMatchObject({
      name: 'double12',
      start: '2024-12-01',
    });
    expect(calendar.periodsOn('2024-06-18')[0]).toMatchObject({ name: '618', start: '2024-06-01' });
    expect(calendar.periodsOn('2024-08-01')).toEqual([]);
  });

  it('estimates CNY and Golden Week for years without an official schedule', () => {
    // Chinese New Year 2027 is 02-06; the usual break is Eve .. 7th day (02-05 .. 02-12).
    expect(calendar.periodsOn('2027-02-06')[0]).toMatchObject({
      name: 'cny',
      start: '2027-01-29',
      end: '2027-02-19',
      estimated: true,
    });
    expect(calendar.periodsOn('2027-10-07')[0]).toMatchObject({
      name: 'golden_week',
      start: '2027-10-01',
      end: '2027-10-07',
      estimated: true,
    });
  });
});

describe('Chinese New Year table', () => {
  it("puts each covered year's New Year inside its official Spring Festival holiday", () => {
    for (const year of calendar.coveredYears) {
      const day = lunarNewYear(year);
      expect(day, String(year)).not.toBeNull();
      expect(calendar.isHoliday(fromDayNumber(day ?? 0)), String(year)).toBe('Spring Festival');
    }
  });

  it.skipIf(new Date(2024, 0, 1).getTimezoneOffset() !== 0)(
    'matches the package lunar conversion at UTC',
    () => {
      for (const year of [1970, 2000, 2027, 2028, 2033, 2050, 2100]) {
        expect(fromDayNumber(lunarNewYear(year) ?? 0)).toBe(
          chineseDays.getSolarDateFromLunar(`${year}-01-01`).date,
        );
      }
    },
  );
});
