import { isAscii, isUtf8 } from 'node:buffer';
import { countByte, fileChunks } from './file-chunks.ts';
import { firstInvalidUtf8, incompleteTail } from './utf8-bytes.ts';

export interface LineStats {
  /** Line-break bytes in the file (LF, or CR for files that use bare CR). */
  breaks: number;
  endsWithBreak: boolean;
}

export interface Utf8Scan extends LineStats {
  /** Byte offset of the first sequence that is not UTF-8, or -1. */
  firstInvalid: number;
  /** 1-based line of `firstInvalid`. */
  invalidLine: number;
  /** Whether any non-ASCII byte comes before `firstInvalid` (else the file may be all GBK). */
  nonAsciiBefore: boolean;
}

/**
 * One streaming pass: is the whole file UTF-8, and how many line breaks does it hold. Costs about
 * a tenth of DuckDB's own read (simdutf validation plus a memchr-style count).
 */
export async function scanUtf8File(path: string, breakByte: number): Promise<Utf8Scan> {
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0;
  let breaks = 0;
  let last = -1;
  let nonAscii = false;
  for await (const chunk of fileChunks(path)) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const tail = incompleteTail(bytes);
    const body = bytes.subarray(0, bytes.length - tail);
    if (!isUtf8(body)) {
      const before = body.subarray(0, firstInvalidUtf8(body));
      const line = breaks + countByte(before, breakByte) + 1;
      return invalidAt(offset + before.length, line, nonAscii || !isAscii(before));
    }
    nonAscii ||= !isAscii(body);
    breaks += countByte(chunk, breakByte);
    last = chunk[chunk.length - 1] ?? last;
    offset += body.length;
    carry = bytes.subarray(body.length);
  }
  if (carry.length > 0) return invalidAt(offset, breaks + 1, nonAscii);
  const endsWithBreak = last === breakByte;
  return { breaks, endsWithBreak, firstInvalid: -1, invalidLine: 0, nonAsciiBefore: nonAscii };
}

function invalidAt(offset: number, line: number, nonAsciiBefore: boolean): Utf8Scan {
  return {
    breaks: 0,
    endsWithBreak: false,
    firstInvalid: offset,
    invalidLine: line,
    nonAsciiBefore,
  };
}
