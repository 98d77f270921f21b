// Date formats as data. Each format is a "shape": an anchored regex (the date, then an optional
// time of day that is ignored) and how DuckDB reads a shape-checked cell (a try_strptime format,
// after an optional rewrite). JS reads the capture groups instead (parse-date.ts); SQL never uses
// capture groups, because RE2 extracts them ~20x slower than it tests a whole match.
//
// The pattern text is shared by JS (RegExp, `u` flag) and DuckDB (RE2), so it keeps to their
// common subset: literal characters, `[...]`, `(...)`, `(?:...)`, `?`, `*`, `+`, `{m,n}`, `|` and
// the anchors; no `\d`, `\s`, `.`, named groups, lookaround or flags.

export const dateFormats = [
  'iso',
  'm/d/yy',
  'm/d/yyyy',
  'd/m/yy',
  'd/m/yyyy',
  'dd-Mon-yy',
  'dd-Mon-yyyy',
  'yyyy/m/d',
  'chinese',
  'yyyymmdd',
  'excel',
  'auto',
] as const;
export type DateFormat = (typeof dateFormats)[number];
export type ShapeFormat = Exclude<DateFormat, 'excel' | 'auto'>;
export type DatePart = 'y' | 'm' | 'd';

/** How SQL turns the date part into something try_strptime reads with `strptime`. */
export type Rewrite = 'none' | 'dots_to_slashes' | 'spaces_to_dashes' | 'compact_to_dashes';

export interface DateShape {
  readonly format: ShapeFormat;
  /** Anchored: `^(?:date)TIME$`. */
  readonly pattern: string;
  /** Capture groups of the pattern, in order (JS only). */
  readonly groups: readonly DatePart[];
  readonly twoDigitYear: boolean;
  readonly rewrite: Rewrite;
  readonly strptime: string;
}

/**
 * An optional time of day, ignored (the date is taken as written, whatever the zone):
 * `2024-03-05T10:00:00Z`, `2024-03-05 10:00`, `05/01/2014 12:00:00 AM` (NYC exports).
 */
const TIME_BODY =
  '(?:T|[ ]+)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?(?:[ ]*[AaPp][Mm])?' +
  '(?:[ ]*(?:Z|[-+][0-9]{2}(?::?[0-9]{2})?))?';
/** Removes the time from a shape-checked cell (leftmost match: a date part never looks like it). */
export const TIME_SUFFIX_PATTERN = `${TIME_BODY}$`;

const N12 = '([0-9]{1,2})';
/** Four digits but not 0000 (DuckDB has a year 0, the calendar does not). */
const Y4 = '(0[0-9]{2}[1-9]|0[0-9][1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})';
const Y2 = '([0-9]{2})';
export const MONTH_ABBREVIATIONS = 'janfebmaraprmayjunjulaugsepoctnovdec';
const caseless = (word: string) => [...word].map((c) => `[${c.toUpperCase()}${c}]`).join('');
const MON = `(${(MONTH_ABBREVIATIONS.match(/.../g) ?? []).map(caseless).join('|')})`;

type ShapeSpec = Omit<DateShape, 'format' | 'pattern'> & { date: string };

const specs: Record<ShapeFormat, ShapeSpec> = {
  iso: {
    date: `${Y4}-${N12}-${N12}`,
    groups: ['y', 'm', 'd'],
    twoDigitYear: false,
    rewrite: 'none',
    strptime: '%Y-%m-%d',
  },
  'm/d/yy': {
    date: `${N12}/${N12}/${Y2}`,
    groups: ['m', 'd', 'y'],
    twoDigitYear: true,
    rewrite: 'none',
    strptime: '%m/%d/%Y',
  },
  'm/d/yyyy': {
    date: `${N12}/${N12}/${Y4}`,
    groups: ['m', 'd', 'y'],
    twoDigitYear: false,
    rewrite: 'none',
    strptime: '%m/%d/%Y',
  },
  'd/m/yy': {
    date: `${N12}/${N12}/${Y2}`,
    groups: ['d', 'm', 'y'],
    twoDigitYear: true,
    rewrite: 'none',
    strptime: '%d/%m/%Y',
  },
  'd/m/yyyy': {
    date: `${N12}/${N12}/${Y4}`,
    groups: ['d', 'm', 'y'],
    twoDigitYear: false,
    rewrite: 'none',
    strptime: '%d/%m/%Y',
  },
  'dd-Mon-yy': {
    date: `${N12}[- ]${MON}[- ]${Y2}`,
    groups: ['d', 'm', 'y'],
    twoDigitYear: true,
    rewrite: 'spaces_to_dashes',
    strptime: '%d-%b-%Y',
  },
  'dd-Mon-yyyy': {
    date: `${N12}[- ]${MON}[- ]${Y4}`,
    groups: ['d', 'm', 'y'],
    twoDigitYear: false,
    rewrite: 'spaces_to_dashes',
    strptime: '%d-%b-%Y',
  },
  'yyyy/m/d': {
    date: `${Y4}/${N12}/${N12}|${Y4}[.]${N12}[.]${N12}`,
    groups: ['y', 'm', 'd', 'y', 'm', 'd'],
    twoDigitYear: false,
    rewrite: 'dots_to_slashes',
    strptime: '%Y/%m/%d',
  },
  chinese: {
    date: `${Y4}年${N12}月${N12}日`,
    groups: ['y', 'm', 'd'],
    twoDigitYear: false,
    rewrite: 'none',
    strptime: '%Y年%m月%d日',
  },
  yyyymmdd: {
    date: `${Y4}([0-9]{2})([0-9]{2})`,
    groups: ['y', 'm', 'd'],
    twoDigitYear: false,
    rewrite: 'compact_to_dashes',
    strptime: '%Y-%m-%d',
  },
};

/** What `auto` tries, in order: only formats that cannot be read two ways. */
export const AUTO_FORMATS: readonly ShapeFormat[] = [
  'iso',
  'chinese',
  'yyyy/m/d',
  'dd-Mon-yy',
  'dd-Mon-yyyy',
  'yyyymmdd',
];

/** Day and month both small numbers: m/d or d/m cannot be told apart, so `auto` refuses. */
export const AMBIGUOUS_PATTERN = `^[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{2}|[0-9]{4})(?:${TIME_BODY})?$`;

/** Serial day numbers of Excel's 1900 date system, with an ignored time fraction. */
export const EXCEL_SERIAL_PATTERN = '^[0-9]{1,7}(?:[.][0-9]+)?$';

export function dateShape(format: ShapeFormat): DateShape {
  const { date, ...rest } = specs[format];
  return { format, pattern: `^(?:${date})(?:${TIME_BODY})?$`, ...rest };
}

/** The shapes a format tries, in order. */
export function dateShapes(format: ShapeFormat | 'auto'): DateShape[] {
  return (format === 'auto' ? AUTO_FORMATS : [format]).map(dateShape);
}
