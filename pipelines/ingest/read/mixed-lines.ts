import { isUtf8 } from 'node:buffer';
import { readError } from './read-error.ts';
import { firstInvalidUtf8, hasWideUtf8 } from './utf8-bytes.ts';

interface Sighting {
  line: number;
  offset: number;
}

/**
 * Watches the lines of a file being read in a legacy encoding (GB18030, Windows-1252) for lines
 * that are UTF-8 instead: a file pasted together from a UTF-8 export and a GBK export decodes as
 * GB18030 without a single error, but the UTF-8 part becomes nonsense. A line counts as UTF-8 when it is valid UTF-8 and holds a
 * 3- or 4-byte sequence (CJK in UTF-8); GBK text of more than a word or two is almost never valid
 * UTF-8. Lines split at LF, which is never part of a GBK/GB18030 character.
 */
export class MixedLineDetector {
  private carry: Buffer = Buffer.alloc(0);
  private carryOffset = 0;
  private line = 1;
  private utf8: Sighting | undefined;
  private other: Sighting | undefined;

  constructor(
    private readonly path: string,
    private readonly encoding: string,
  ) {}

  feed(chunk: Buffer): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
      this.classify(bytes.subarray(start, end), this.carryOffset + start);
      start = end + 1;
      this.line += 1;
    }
    this.carry = Buffer.from(bytes.subarray(start));
    this.carryOffset += start;
  }

  finish(): void {
    this.classify(this.carry, this.carryOffset);
  }

  private classify(line: Buffer, offset: number): void {
    if (this.utf8 !== undefined && this.other !== undefined) return;
    if (isUtf8(line)) {
      if (this.utf8 === undefined && hasWideUtf8(line)) this.utf8 = { line: this.line, offset };
    } else if (this.other === undefined) {
      this.other = { line: this.line, offset: offset + Math.max(0, firstInvalidUtf8(line)) };
    }
    if (this.utf8 !== undefined && this.other !== undefined) this.fail(this.utf8, this.other);
  }

  private fail(utf8: Sighting, other: Sighting): never {
    throw readError(
      'mixed_or_unknown_encoding',
      `${this.path} mixes encodings: line ${utf8.line} is UTF-8 but line ${other.line} ` +
        `(first non-UTF-8 byte at offset ${other.offset}) is not (${this.encoding.toUpperCase()}?). ` +
        'Re-export the whole file in one encoding (UTF-8 is best).',
      { utf8Line: utf8.line, otherLine: other.line, offset: other.offset },
    );
  }
}
