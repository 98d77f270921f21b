// Number and date formatting for one locale. Missing values (null, NaN) render as `missing`.

export interface Format {
  /** 0.1234 -> "12.3%" */
  percent(value: number | null | undefined): string;
  /** 0.2 -> "20%" (axis labels) */
  percentRounded(value: number | null | undefined): string;
  /** 12345 -> "12,345" */
  integer(value: number | null | undefined): string;
  /** Days (medians can be fractional): 3 -> "3", 2.5 -> "2.5" */
  days(value: number | null | undefined): string;
  /** Large amounts: 1234567 -> "1.2M" */
  compact(value: number | null | undefined): string;
  /** Compact money: (1234567, 'USD') -> "$1.2M"; without a currency, like `compact` */
  money(value: number | null | undefined, currency: string | null): string;
  /** "2025-03" -> "Mar 2025" */
  month(month: string): string;
  /** "2025-03-14" -> "Mar 14, 2025" */
  date(date: string): string;
  /** Full amount: (1234.5, 'CNY') -> "CN¥1,235" (en-US), "¥1,235" (zh-CN) */
  currency(value: number | null | undefined, currency: string): string;
  /** Change of a rate in percentage points, always signed: 0.0123 -> "+1.2", -0.004 -> "-0.4" */
  signedPoints(value: number | null | undefined): string;
  /** Signed count or days: 12 -> "+12", -2.5 -> "-2.5", 0 -> "0" */
  signed(value: number | null | undefined): string;
  /** An instant, in UTC: "2025-03-14T10:03:00Z" -> "Mar 14, 2025, 10:03 UTC" */
  dateTime(iso: string): string;
}

export interface FormatOptions {
  missing?: string;
}

export function createFormat(locale: string, options: FormatOptions = {}): Format {
  const missing = options.missing ?? '—';
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const percentRounded = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const days = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  // Calendar dates carry no time zone: format them as UTC so the day never shifts.
  const month = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: string) => {
    let f = moneyFormats.get(currency);
    if (!f) {
      f = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      });
      moneyFormats.set(currency, f);
    }
    return f;
  };

  const guard =
    (f: Intl.NumberFormat) =>
    (value: number | null | undefined): string =>
      value === null || value === undefined || Number.isNaN(value) ? missing : f.format(value);

  const extra = extraFormats(locale, guard);
  return {
    ...extra,
    percent: guard(percent),
    percentRounded: guard(percentRounded),
    integer: guard(integer),
    days: guard(days),
    compact: guard(compact),
    money: (value, currency) => guard(currency ? moneyFormat(currency) : compact)(value),
    month: (m) => formatDate(month, `${m}-01`, m),
    date: (d) => formatDate(date, d, d),
  };
}

function formatDate(f: Intl.DateTimeFormat, isoDate: string, fallback: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return fallback;
  const [, y, m, d] = match;
  return f.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))));
}

type Guard = (f: Intl.NumberFormat) => (value: number | null | undefined) => string;

function extraFormats(
  locale: string,
  guard: Guard,
): Pick<Format, 'currency' | 'signedPoints' | 'signed' | 'dateTime'> {
  const points = new Intl.NumberFormat(locale, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const signed = new Intl.NumberFormat(locale, {
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
    hourCycle: 'h23',
  });
  const currencies = new Map<string, Intl.NumberFormat>();
  const currencyFormat = (code: string) => {
    let f = currencies.get(code);
    if (!f) {
      f = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: code,
        maximumFractionDigits: 0,
      });
      currencies.set(code, f);
    }
    return f;
  };
  const pointsOf = guard(points);
  return {
    currency: (value, code) => guard(currencyFormat(code))(value),
    signedPoints: (value) => pointsOf(value === null || value === undefined ? value : value * 100),
    signed: guard(signed),
    dateTime: (iso) => {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : `${dateTime.format(at)} UTC`;
    },
  };
}
