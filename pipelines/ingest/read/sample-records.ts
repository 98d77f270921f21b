// A small CSV reader for the head of a file only (about 1 MiB): it finds the header, the delimiter
// and the physical lines the header spans. Data rows are always read by DuckDB.
// It follows DuckDB's rules: a quote opens only at the start of a field, a doubled quote inside
// quotes is one quote, records end at LF, CRLF or CR outside quotes, and empty lines are skipped
// (they are kept here as `blank` entries because DuckDB's `skip` counts them).

export interface Dialect {
  delimiter: string;
  /** '' disables quoting. */
  quote: string;
}

export interface SampleRecord {
  fields: string[];
  /** 1-based physical line where the record starts, and how many lines it spans. */
  line: number;
  lines: number;
  blank: boolean;
}

export interface Sample {
  records: SampleRecord[];
  /** The head ended inside a record (only possible when the head is not the whole file). */
  cutShort: boolean;
}

const BREAK = /\r\n|\n|\r/g;

function countBreaks(text: string): number {
  return text.match(BREAK)?.length ?? 0;
}

class Cursor {
  i = 0;
  line = 1;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.i >= this.text.length;
  }
  get char(): string {
    return this.text[this.i] ?? '';
  }
  /** Consumes a line break at the cursor, if any. */
  takeBreak(): boolean {
    if (this.char === '\r') this.i += this.text[this.i + 1] === '\n' ? 2 : 1;
    else if (this.char === '\n') this.i += 1;
    else return false;
    this.line += 1;
    return true;
  }
}

/** Reads a quoted field from its opening quote; undefined when the text ends inside it. */
function quotedField(c: Cursor, quote: string): string | undefined {
  let value = '';
  c.i += 1;
  for (;;) {
    const close = c.text.indexOf(quote, c.i);
    if (close === -1) return undefined;
    const part = c.text.slice(c.i, close);
    value += part;
    c.line += countBreaks(part);
    c.i = close + 1;
    if (c.text[c.i] !== quote) return value;
    value += quote;
    c.i += 1;
  }
}

/** Characters up to the next delimiter or line break. */
function plainRun(c: Cursor, delimiter: string): string {
  const start = c.i;
  while (!c.done && c.char !== '\n' && c.char !== '\r' && !c.text.startsWith(delimiter, c.i)) {
    c.i += 1;
  }
  return c.text.slice(start, c.i);
}

/** One record from the cursor; undefined when it is cut off by the end of an incomplete head. */
function record(c: Cursor, d: Dialect, complete: boolean): string[] | undefined {
  const fields: string[] = [];
  for (;;) {
    let value = '';
    if (d.quote !== '' && c.char === d.quote) {
      const quoted = quotedField(c, d.quote);
      if (quoted === undefined) return undefined;
      value = quoted;
    }
    value += plainRun(c, d.delimiter);
    fields.push(value);
    if (c.done) {
      c.line += 1; // as if the last line had its break, so `lines` comes out the same
      return complete ? fields : undefined;
    }
    if (c.takeBreak()) return fields;
    c.i += d.delimiter.length;
  }
}

/** Up to `limit` records (blank lines included) from the head of a file. */
export function sampleRecords(text: string, d: Dialect, complete: boolean, limit: number): Sample {
  const c = new Cursor(text);
  const records: SampleRecord[] = [];
  while (!c.done && records.length < limit) {
    const line = c.line;
    if (c.takeBreak()) {
      records.push({ fields: [], line, lines: 1, blank: true });
      continue;
    }
    const fields = record(c, d, complete);
    if (fields === undefined) return { records, cutShort: true };
    const lines = c.line - line;
    records.push({ fields, line, lines, blank: false });
  }
  return { records, cutShort: false };
}
