import { open } from 'node:fs/promises';

export const CHUNK_BYTES = 4 << 20;

/** The file as consecutive chunks; each chunk is a fresh buffer the caller may keep. */
export async function* fileChunks(path: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield bytesRead === chunkBytes ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Occurrences of one byte value (a line break) in a chunk. */
export function countByte(chunk: Uint8Array, byte: number): number {
  let count = 0;
  const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  for (let i = buffer.indexOf(byte); i !== -1; i = buffer.indexOf(byte, i + 1)) count += 1;
  return count;
}
