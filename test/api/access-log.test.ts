import { describe, expect, it } from 'vitest';
import { batchedLines, jsonLine, type AccessLogEntry } from '../../api/middleware/access-log.ts';

const entry = (path: string): AccessLogEntry => ({
  time: '2026-12-07T00:00:00.000Z',
  level: 'info',
  msg: 'request',
  method: 'GET',
  path,
  status: 200,
  ms: 1.5,
  requestId: 'r1',
  tokenId: null,
});

describe('batchedLines', () => {
  it('writes the lines of one event-loop turn at once, one JSON object per line', async () => {
    const writes: string[] = [];
    const log = batchedLines((text) => writes.push(text));
    log(entry('/api/a'));
    log(entry('/api/"b"'));
    expect(writes).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(writes).toHaveLength(1);
    const lines = (writes[0] ?? '').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => (JSON.parse(l) as AccessLogEntry).path)).toEqual([
      '/api/a',
      '/api/"b"',
    ]);
    log(entry('/api/c'));
    await new Promise((r) => setImmediate(r));
    expect(writes).toHaveLength(2);
  });
});

describe('jsonLine', () => {
  it('writes what JSON.stringify writes, for any path, method, id and token', () => {
    const odd = { ...entry('/api/\u00e9"\\\n\u2028'), method: 'M"\t', requestId: 'x"y', ms: 0.1 };
    for (const e of [entry('/api/a'), odd, { ...entry('/'), tokenId: 'tok_1', status: 503 }]) {
      expect(jsonLine(e)).toBe(JSON.stringify(e));
    }
  });
});
