import { isUtf8 } from 'node:buffer';
import { readError } from './read-error.ts';
import type { ReadSpec } from './read-spec.ts';
import { hasUtf8Bom, incompleteTail } from './utf8-bytes.ts';

/** Encodings a text file is read in; everything but UTF-8 is transcoded to a UTF-8 temp file. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * Which legacy encoding non-UTF-8 bytes are in. GBK/GB18030 characters are byte pairs, mostly
 * both >= 0x81, so Chinese text has its high bytes side by side; Windows-1252 (English or
 * European exports: curly quotes 0x91-0x94, dashes 0x96/0x97, accented letters) has them alone
 * between ASCII bytes. Mostly-isolated high bytes mean Windows-1252.
 */
export function legacyEncoding(bytes: Uint8Array): 'gb18030' | 'windows-1252' {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) < 0x80) continue;
    high += 1;
    if ((i === 0 || (bytes[i - 1] ?? 0) < 0x80) && (bytes[i + 1] ?? 0) < 0x80) isolated += 1;
  }
  return high > 0 && isolated * 2 >= high ? 'windows-1252' : 'gb18030';
}

/**
 * A first guess from the head of the file (about 1 MiB): a byte order mark decides; else UTF-8 if
 * the head is valid UTF-8; else GB18030 (a superset of GBK and GB2312) or Windows-1252, see
 * legacyEncoding. The guess is confirmed over the whole file later (see text-source.ts).
 */
export function guessEncoding(
  path: string,
  head: Buffer,
  declared: ReadSpec['encoding'],
  wholeFile: boolean,
): TextEncoding {
  if (declared === 'utf-8') return 'utf-8';
  if (declared === 'gb18030' || declared === 'gbk') return 'gb18030';
  if (declared === 'windows-1252') return 'windows-1252';
  if (hasUtf8Bom(head)) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.includes(0)) {
    throw readError(
      'unsupported_format',
      `${path} holds NUL bytes: it is binary, or UTF-16 without a byte order mark; save it as UTF-8 CSV`,
    );
  }
  const body = wholeFile ? head : head.subarray(0, head.length - incompleteTail(head));
  return isUtf8(body) ? 'utf-8' : legacyEncoding(body);
}

/** Decodes the head for dialect detection (a bad byte here is reported by the full pass). */
export function decodeHead(head: Buffer, encoding: TextEncoding): string {
  const text = new TextDecoder(encoding).decode(head, { stream: true });
  return text.replace(/^\uFEFF/, '');
}
