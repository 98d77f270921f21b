import { readError } from './read-error.ts';
import { sampleRecords, type SampleRecord } from './sample-records.ts';

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;
const SAMPLE_RECORDS = 200;
const CONSISTENT = 0.9;

interface Fit {
  delimiter: string;
  header: string[];
  columns: number;
  consistency: number;
}

const shown = (d: string) => (d === '\t' ? '"\\t" (tab)' : `"${d}"`);

/** Header width and the share of the sampled rows that have exactly that many fields. */
function fit(text: string, delimiter: string, quote: string, complete: boolean, skip: number): Fit {
  const records = sampleRecords(text, { delimiter, quote }, complete, SAMPLE_RECORDS + skip)
    .records.filter((r) => !r.blank)
    .slice(skip);
  const header = records[0]?.fields ?? [];
  const columns = header.length;
  const rows: SampleRecord[] = records.slice(1);
  const same = rows.filter((r) => r.fields.length === columns).length;
  return { delimiter, header, columns, consistency: rows.length === 0 ? 1 : same / rows.length };
}

const viable = (f: Fit) => f.columns > 1 && f.consistency >= CONSISTENT;

export interface DelimiterChoice {
  delimiter: string;
  warnings: string[];
}

/**
 * The delimiter to read with. A declared one is used as given unless the file plainly uses another
 * (one column whose header contains the other), which is an error; an assumed one (',' for CSV,
 * tab for TSV) gives way to a candidate that splits the sample into consistent columns.
 */
export function chooseDelimiter(
  text: string,
  opts: { declared?: string; assumed: string; quote: string; complete: boolean; skip: number },
): DelimiterChoice {
  const { declared, assumed, quote, complete, skip } = opts;
  const given = declared ?? assumed;
  const mine = fit(text, given, quote, complete, skip);
  if (mine.columns !== 1) return { delimiter: given, warnings: [] };
  const others = DELIMITER_CANDIDATES.filter((d) => d !== given)
    .map((d) => fit(text, d, quote, complete, skip))
    .filter(viable)
    .sort((a, b) => b.consistency - a.consistency || b.columns - a.columns);
  const better = others[0];
  if (better === undefined) return { delimiter: given, warnings: [] };
  if (declared !== undefined) throw wrongDelimiter(mine.header[0] ?? '', declared, better);
  const warning = `the file is ${shown(better.delimiter)}-separated (${better.columns} columns), not ${shown(given)}: read with ${shown(better.delimiter)}`;
  return { delimiter: better.delimiter, warnings: [warning] };
}

function wrongDelimiter(header: string, declared: string, better: Fit) {
  return readError(
    'wrong_delimiter',
    `the delimiter was declared as ${shown(declared)}, but the header has none and the file ` +
      `looks ${shown(better.delimiter)}-separated (${better.columns} columns): ` +
      `set delimiter to ${shown(better.delimiter)}. Header: ${JSON.stringify(header.slice(0, 120))}`,
    { declared, suggested: better.delimiter, columns: better.columns },
  );
}
