// The contract every holiday data source meets, so `chinese-days` can be replaced (or a second
// source added) without touching the calendar logic.

export interface DayMark {
  /** English name, e.g. "Spring Festival". */
  readonly name: string;
  /** Chinese name, e.g. "春节"; empty when the source has none. */
  readonly nameZh: string;
}

export interface CalendarSource {
  /** Provenance for reports and loaded tables, e.g. "chinese-days@1.5.7". */
  readonly id: string;
  /** Years whose whole official schedule the source holds (ascending). */
  readonly years: readonly number[];
  /** Official days off by date, including weekend days inside a holiday span. */
  readonly holidays: ReadonlyMap<string, DayMark>;
  /** Make-up working days (调休): weekend days that are working days, with the holiday they pay for. */
  readonly workdays: ReadonlyMap<string, DayMark>;
}
