import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { forbiddenReason } from '../auth/authorize.ts';
import { credentialsFrom } from '../auth/credentials.ts';
import { csrfRefused } from '../auth/csrf.ts';
import type { Gate } from '../auth/guard.ts';
import { isPublicApiPath } from '../auth/public-paths.ts';
import { etagMatches } from '../cached-json.ts';
import { accessLogEntry, type AccessLog } from '../middleware/access-log.ts';
import { requestIdFrom } from '../middleware/request-id.ts';
import type { Replay, ReplayAnswer } from './replay-entry.ts';
import { replayEncoding } from './replay-encoding.ts';

/**
 * Serves a request from the cached answers if it may (true), or leaves it untouched for the app
 * (false). Never answers an error: whatever the app would refuse, the app refuses.
 */
export type NodeReplay = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * The replay of cached answers at the node:http layer, before Hono builds a Request, a Context and
 * a Response for it: the same checks as the API's gate, through the same functions and the same
 * state (api/auth/guard.ts: the token or session, CSRF, the rate-limit bucket, the role), then an
 * answer whose headers were built once (api/replay/replay-entry.ts) written with one writeHead and
 * one end, and the same access-log line. Anything it is not sure of goes to the app: another
 * method, an unusual URL or Host, a public path, an unknown caller, a refused one, a miss, deflate.
 */
export function nodeReplay(gate: Gate, log: AccessLog, now: () => Date): NodeReplay {
  const { replays, authenticator, buckets } = gate;
  if (!replays) return () => Promise.resolve(false);
  return async (req, res) => {
    const started = performance.now();
    const target = req.url ?? '';
    const path = replayablePath(req.method, target, req.headers.host);
    if (path === null) return false;
    const h = req.headers;
    const caller = await authenticator.identify(credentialsFrom(h.authorization, h.cookie));
    if (!caller || csrfRefused(caller, 'GET', one(h['x-csrf-token']))) return false;
    if (forbiddenReason(caller, 'GET', path) !== null) return false;
    const replay = await replays.find(target, caller.brands);
    const answer = replay && answerFor(replay, h);
    if (!answer) return false;
    if (buckets && buckets.take(caller.tokenId, gate.nowMs()) > 0) return false;
    const requestId = requestIdFrom(one(h['x-request-id']));
    res.writeHead(answer.status, [...answer.headers, 'X-Request-Id', requestId]);
    res.end(answer.body);
    const tokenId = caller.tokenId;
    log(
      accessLogEntry(now(), started, {
        method: 'GET',
        path,
        status: answer.status,
        requestId,
        tokenId,
      }),
    );
    return true;
  };
}

// Targets the app reads as they are (no percent-decoding, no dot segments to resolve), so the
// path checked here is the path the gate checks and the target is the replay key it stored.
const plainTarget = /^\/api\/[\w\-.~!$&'()*+,;=:@/?]*$/;
const dotSegment = /\/\.\.?(?:[/?]|$)/;
const plainHost = /^[a-z0-9._-]+(?::\d{1,5})?$/i;

/** The /api path of a GET the replay may serve, or null. */
function replayablePath(method: string | undefined, target: string, host: string | undefined) {
  if (method !== 'GET' || !plainTarget.test(target) || dotSegment.test(target)) return null;
  if (host === undefined || !plainHost.test(host)) return null;
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  return isPublicApiPath(path) ? null : path;
}

function answerFor(replay: Replay, h: IncomingHttpHeaders): ReplayAnswer | null {
  if (etagMatches(h['if-none-match'], replay.body.etag)) return replay.notModified;
  const encoding = replayEncoding(h['accept-encoding'], replay.body.bytes.byteLength);
  return encoding === 'identity' ? replay.ok : encoding === 'gzip' ? replay.gzipped : null;
}

/** A header node may give as a list (repeated), as the app sees it: joined with commas. */
function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
