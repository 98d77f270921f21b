import { readFile } from 'node:fs/promises';

/**
 * Where a fatal decoder first fails, for the error message only (it reads the whole file once
 * more). Lines are decoded one by one (LF is a safe restart point in GB18030 and UTF-8); inside the
 * failing line a binary search finds the shortest prefix that fails.
 */
export async function locateUndecodable(
  path: string,
  encoding: string,
): Promise<{ offset: number; line: number }> {
  const bytes = await readFile(path);
  if (encoding.startsWith('utf-16')) {
    const offset = failingPrefix(bytes, encoding);
    return { offset, line: 0 };
  }
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    const lf = bytes.indexOf(10, start);
    const end = lf === -1 ? bytes.length : lf;
    const failAt = failingPrefix(bytes.subarray(start, end), encoding);
    if (failAt >= 0) return { offset: start + failAt, line };
    if (lf === -1) break;
    start = lf + 1;
    line += 1;
  }
  return { offset: bytes.length, line };
}

function decodes(bytes: Uint8Array, encoding: string, stream: boolean): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/** Offset of the byte that makes the line fail (a cut-off last sequence fails at the end), or -1. */
function failingPrefix(bytes: Uint8Array, encoding: string): number {
  if (decodes(bytes, encoding, false)) return -1;
  if (decodes(bytes, encoding, true)) return bytes.length;
  let low = 0;
  let high = bytes.length; // decodes(prefix low) is true, decodes(prefix high) is false
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (decodes(bytes.subarray(0, mid), encoding, true)) low = mid;
    else high = mid;
  }
  return high - 1;
}
