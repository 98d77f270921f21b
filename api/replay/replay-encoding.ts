import { parseAccept } from 'hono/utils/accept';
import { compressFrom, mayCompress } from '../http-behaviour.ts';

/**
 * How the server's replay sends a cached body of `size` bytes to a client that sent this
 * Accept-Encoding: as is, gzipped, or not at all (null: the request goes through the app, whose
 * compression picked deflate). Hono's compress chooses so (hono/middleware/compress): the first
 * of gzip, deflate accepted with q=1, else the one with the highest q above 0 (gzip on a tie), a
 * `*` standing for either; test/api/node-replay.test.ts checks the two agree.
 */
export function replayEncoding(
  acceptEncoding: string | undefined,
  size: number,
): 'identity' | 'gzip' | null {
  if (acceptEncoding === undefined || size < compressFrom || !mayCompress(acceptEncoding)) {
    return 'identity';
  }
  const accepts = parseAccept(acceptEncoding);
  const q = (name: string) =>
    accepts.find((a) => a.type.toLowerCase() === name)?.q ??
    accepts.find((a) => a.type === '*')?.q ??
    0;
  const gzip = q('gzip');
  const deflate = q('deflate');
  if (gzip === 1 || (gzip > 0 && gzip >= deflate)) return 'gzip';
  return deflate > 0 ? null : 'identity';
}
