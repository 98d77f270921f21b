import { randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countByte, fileChunks } from './file-chunks.ts';
import { MixedLineDetector } from './mixed-lines.ts';
import { readError } from './read-error.ts';
import type { LineStats } from './scan-utf8-file.ts';
import type { TextEncoding } from './detect-encoding.ts';
import { locateUndecodable } from './locate-undecodable.ts';

export interface Transcoded extends LineStats {
  path: string;
  remove(): Promise<void>;
}

/**
 * Streams `path` through a fatal TextDecoder into a UTF-8 temp file that DuckDB can read (it reads
 * only UTF-8, UTF-16 and latin-1 itself). Memory stays at one chunk. Line breaks are counted on
 * the way: a transcoded file has the same lines as the original.
 */
export async function transcodeToUtf8(
  path: string,
  encoding: Exclude<TextEncoding, 'utf-8'>,
  breakByte: number,
  tempDir?: string,
): Promise<Transcoded> {
  const target = join(tempDir ?? tmpdir(), `milepost-read-${randomUUID()}.csv`);
  const remove = () => rm(target, { force: true });
  const out = await open(target, 'w');
  let stats: LineStats;
  try {
    stats = await pump(path, encoding, breakByte, (bytes) => out.write(bytes));
  } catch (e) {
    await out.close();
    await remove();
    throw e;
  }
  await out.close();
  return { ...stats, path: target, remove };
}

async function pump(
  path: string,
  encoding: Exclude<TextEncoding, 'utf-8'>,
  breakByte: number,
  write: (bytes: Buffer) => Promise<unknown>,
): Promise<LineStats> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const mixed = encoding.startsWith('utf-16') ? undefined : new MixedLineDetector(path, encoding);
  let breaks = 0;
  let last = -1;
  const emit = async (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    breaks += countByte(bytes, breakByte);
    last = bytes[bytes.length - 1] ?? last;
    await write(bytes);
  };
  try {
    for await (const chunk of fileChunks(path)) {
      mixed?.feed(chunk);
      await emit(decoder.decode(chunk, { stream: true }));
    }
    await emit(decoder.decode());
    mixed?.finish();
  } catch (e) {
    if (e instanceof TypeError) throw await undecodable(path, encoding);
    throw e;
  }
  return { breaks, endsWithBreak: last === breakByte };
}

async function undecodable(path: string, encoding: string) {
  const { offset, line } = await locateUndecodable(path, encoding);
  return readError(
    'mixed_or_unknown_encoding',
    `${path} is neither UTF-8 nor ${encoding.toUpperCase()}: the bytes at offset ${offset} ` +
      `(line ${line}) are not valid in either. Re-export the file as UTF-8.`,
    { offset, line, encoding },
  );
}
