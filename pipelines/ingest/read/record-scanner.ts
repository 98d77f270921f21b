// Finds where each CSV record starts (physical line and byte offset) by following only quotes,
// delimiters and line breaks, with the rules DuckDB applies (see sample-records.ts). It runs only
// when a file has records that span lines, blank lines or malformed rows; otherwise every record
// is one line and `source_line` is arithmetic.

import { countByte } from './file-chunks.ts';

const CR = 13;
const LF = 10;

export interface ScanBytes {
  /** Last byte of the delimiter (a multi-byte delimiter is recognised by its last byte). */
  delimiter: number;
  /** -1 when quoting is off. */
  quote: number;
  /** The byte that counts physical lines: LF, or CR in files that use bare CR. */
  lineBreak: number;
  /**
   * DuckDB skips empty lines in files of two or more columns, but reads an empty line of a
   * one-column file as a NULL row.
   */
  blankLinesAreRecords: boolean;
}

export class RecordScanner {
  private offset = 0;
  private line = 1;
  private inQuotes = false;
  private quotePending = false;
  private fieldStart = true;
  private open = false;
  private afterCr = false;
  private lastStart = -1;
  private next: Record<'quote' | 'cr', { chunk: Buffer | undefined; at: number }> = {
    quote: { chunk: undefined, at: 0 },
    cr: { chunk: undefined, at: 0 },
  };

  constructor(
    private readonly bytes: ScanBytes,
    private readonly onRecord: (line: number, offset: number) => void,
    skipBom: boolean,
  ) {
    if (skipBom) this.offset = -3; // the BOM is neither a record nor part of one
  }

  feed(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let k = 0;
    if (this.offset < 0) {
      k = Math.min(-this.offset, bytes.length); // the BOM
      this.offset += k;
    }
    while (k < bytes.length) {
      const next = this.inQuotes ? this.skipQuoted(bytes, k) : this.skipPlainLine(bytes, k);
      if (next > k) {
        this.offset += next - k;
        k = next;
        continue;
      }
      const b = bytes[k] ?? 0;
      if (!this.inQuotes || this.leavesQuotes(b)) this.plain(b);
      if (b === this.bytes.lineBreak) this.line += 1;
      k += 1;
      this.offset += 1;
    }
  }

  /**
   * Inside quotes only the next quote matters: jump to it, counting the line breaks passed.
   * Returns where to continue (k itself when the byte at k needs the byte-by-byte rules).
   */
  private skipQuoted(bytes: Buffer, k: number): number {
    if (this.quotePending) return k;
    const q = bytes.indexOf(this.bytes.quote, k);
    const end = q === -1 ? bytes.length : q;
    this.line += countByte(bytes.subarray(k, end), this.bytes.lineBreak);
    if (q === -1) return end;
    this.quotePending = true;
    return q + 1;
  }

  /**
   * A whole line that starts a record and holds no quote and no bare CR is one record: take it
   * in one step. (Lines with quotes go byte by byte.)
   */
  private skipPlainLine(bytes: Buffer, k: number): number {
    if (this.open || this.bytes.lineBreak !== LF || this.afterCr) return k;
    const first = bytes[k];
    if (first === LF || first === CR) return k;
    const lf = bytes.indexOf(LF, k);
    if (lf === -1) return k;
    if (this.nextAt(bytes, 'quote', this.bytes.quote, k) < lf) return k;
    if (this.nextAt(bytes, 'cr', CR, k) < lf - 1) return k;
    this.lastStart = this.offset;
    this.onRecord(this.line, this.offset);
    this.line += 1;
    this.fieldStart = true;
    return lf + 1;
  }

  /**
   * Position of the next `byte` at or after k in this chunk (Infinity if none), remembered so
   * that a chunk with few quotes is not searched to its end once per line.
   */
  private nextAt(bytes: Buffer, key: 'quote' | 'cr', byte: number, k: number): number {
    const cache = this.next[key];
    if (cache.chunk === bytes && (cache.at >= k || cache.at === Infinity)) return cache.at;
    const at = byte < 0 ? -1 : bytes.indexOf(byte, k);
    this.next[key] = { chunk: bytes, at: at === -1 ? Infinity : at };
    return this.next[key].at;
  }

  /** True if `b` closes the quoted part (after a lone quote) and is itself a plain byte. */
  private leavesQuotes(b: number): boolean {
    if (this.quotePending) {
      this.quotePending = false;
      if (b === this.bytes.quote) return false; // doubled quote: still quoted
      this.inQuotes = false;
      return true;
    }
    if (b === this.bytes.quote) this.quotePending = true;
    return false;
  }

  private plain(b: number): void {
    const crlf = b === LF && this.afterCr;
    this.afterCr = b === CR;
    if (b === LF || b === CR) {
      if (!this.open && !crlf && this.bytes.blankLinesAreRecords) this.start();
      this.open = false;
      this.fieldStart = true;
      return;
    }
    if (!this.open) {
      this.start();
      this.open = true;
    }
    if (b === this.bytes.quote && this.fieldStart) this.inQuotes = true;
    this.fieldStart = b === this.bytes.delimiter;
  }

  private start(): void {
    this.lastStart = this.offset;
    this.onRecord(this.line, this.offset);
  }

  /** Whether the file ended inside a quoted value, and where the last record started. */
  finish(): { endedInQuotes: boolean; lastStart: number } {
    return { endedInQuotes: this.inQuotes && !this.quotePending, lastStart: this.lastStart };
  }
}
