// Calendar dates as `YYYY-MM-DD` strings mapped to integer day numbers (days since 1970-01-01).
// Integer civil-date arithmetic (Howard Hinnant's algorithms) instead of `Date`, so results can
// never depend on the process time zone and hot loops allocate nothing but the output string.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a proleptic Gregorian year/month/day (month 1-12). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a `YYYY-MM-DD` string, or null when it is not a real calendar date. */
export function tryDayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumberOf(year, month, day);
}

export function isIsoDate(date: string): boolean {
  return tryDayNumber(date) !== null;
}

/** The day number of a `YYYY-MM-DD` string; throws a RangeError naming the bad input. */
export function toDayNumber(date: string): number {
  const n = typeof date === 'string' ? tryDayNumber(date) : null;
  if (n === null) {
    throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(date)}`);
  }
  return n;
}

// Packs the civil date as year * 10000 + month * 100 + day so callers need no object per day.
function packedCivil(n: number): number {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

export function yearOfDayNumber(n: number): number {
  return Math.floor(packedCivil(n) / 10000);
}

/** The `YYYY-MM-DD` string of a day number (years 0000-9999 only, as the format allows). */
export function fromDayNumber(n: number): string {
  const packed = packedCivil(n);
  if (packed < 101 || packed > 99991231) {
    throw new RangeError(`Date out of the YYYY-MM-DD range (day number ${n})`);
  }
  const text = String(packed).padStart(8, '0');
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`;
}

/** Day of week with Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

export function isWeekendDay(n: number): boolean {
  return weekdayOf(n) >= 5;
}
