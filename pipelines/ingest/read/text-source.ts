import { decodeHead, guessEncoding, legacyEncoding, type TextEncoding } from './detect-encoding.ts';
import { readHead, readRange } from './file-head.ts';
import { readError } from './read-error.ts';
import type { ReadSpec } from './read-spec.ts';
import { scanUtf8File, type LineStats, type Utf8Scan } from './scan-utf8-file.ts';
import { transcodeToUtf8 } from './transcode-file.ts';
import { hasUtf8Bom } from './utf8-bytes.ts';

export const HEAD_BYTES = 1 << 20;

/** The whole-file check found a legacy encoding after an all-ASCII head: read again as that. */
export class RetryAsEncoding extends Error {
  constructor(readonly encoding: TextEncoding) {
    super(`retry as ${encoding}`);
  }
}

/** A text file ready for DuckDB: always UTF-8 (transcoded to a temp file when it was not). */
export interface TextSource {
  /** The file DuckDB reads: the original, or the UTF-8 temp copy. */
  readPath: string;
  encoding: TextEncoding;
  /** The decoded head (about 1 MiB, BOM removed), for dialect and header detection. */
  head: string;
  /** The head is the whole file. */
  complete: boolean;
  /** `readPath` starts with a UTF-8 BOM. */
  bom: boolean;
  lineBreak: number;
  /**
   * Line counts of the whole file. For a UTF-8 file this is also the whole-file UTF-8 check, and
   * it runs while DuckDB reads the file: it rejects with an IngestReadError (mixed encodings) or a
   * RetryAsEncoding.
   */
  lines: Promise<LineStats>;
  cleanup(): Promise<void>;
}

/** LF unless the head has only bare CRs (old Mac exports). */
function lineBreakOf(head: Buffer): number {
  return head.includes(10) || !head.includes(13) ? 10 : 13;
}

export async function prepareTextSource(
  path: string,
  size: number,
  declared: ReadSpec['encoding'],
  tempDir: string | undefined,
  forced?: TextEncoding,
): Promise<TextSource> {
  const raw = await readHead(path, HEAD_BYTES);
  const complete = size <= HEAD_BYTES;
  const lineBreak = lineBreakOf(raw);
  const encoding = forced ?? guessEncoding(path, raw, declared, complete);
  const base = { complete, lineBreak, encoding, head: decodeHead(raw, encoding) };
  if (encoding === 'utf-8') {
    const lines = checkUtf8(path, lineBreak, declared !== 'auto' || hasUtf8Bom(raw));
    lines.catch(() => undefined); // awaited later; never an unhandled rejection meanwhile
    const cleanup = async () => undefined;
    return { ...base, readPath: path, bom: hasUtf8Bom(raw), lines, cleanup };
  }
  const copy = await transcodeToUtf8(path, encoding, lineBreak, tempDir);
  const lines = Promise.resolve(copy);
  return { ...base, readPath: copy.path, bom: false, lines, cleanup: copy.remove };
}

/** The UTF-8 guess over the whole file; `sure` when declared or marked by a BOM. */
async function checkUtf8(path: string, lineBreak: number, sure: boolean): Promise<LineStats> {
  const scan = await scanUtf8File(path, lineBreak);
  if (scan.firstInvalid < 0) return scan;
  if (sure || scan.nonAsciiBefore) throw notUtf8(path, scan);
  // Plain ASCII up to the first non-UTF-8 byte: a legacy encoding after all.
  const window = await readRange(path, Math.max(0, scan.firstInvalid - 4096), HEAD_BYTES);
  throw new RetryAsEncoding(legacyEncoding(window));
}

function notUtf8(path: string, scan: Utf8Scan) {
  const what = scan.nonAsciiBefore
    ? 'mixed encodings: UTF-8 text before it, other bytes (GBK?) from there'
    : 'it is in another encoding (GBK?), or was declared UTF-8 by mistake';
  return readError(
    'mixed_or_unknown_encoding',
    `${path} is not valid UTF-8 at byte offset ${scan.firstInvalid} (line ${scan.invalidLine}); ` +
      `${what}. Re-export the whole file in one encoding (UTF-8 is best).`,
    { offset: scan.firstInvalid, line: scan.invalidLine },
  );
}
