import { open, stat } from 'node:fs/promises';
import { readError } from './read-error.ts';

/** Size of a readable regular file, or a `file_not_found` / `empty_file` error. */
export async function fileSize(path: string): Promise<number> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (e) {
    throw readError('file_not_found', `cannot read ${path}: ${(e as Error).message}`);
  }
  if (size === 0) throw readError('empty_file', `${path} is empty (0 bytes)`);
  return size;
}

/** The first `length` bytes (fewer for a shorter file). */
export async function readHead(path: string, length: number): Promise<Buffer> {
  return readRange(path, 0, length);
}

/** `length` bytes from `position` (fewer at the end of the file). */
export async function readRange(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
