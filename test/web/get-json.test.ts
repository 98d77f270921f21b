import { describe, expect, it } from 'vitest';
import { ApiError, networkErrorCode } from '../../web/src/lib/api-error.ts';
import { getJson } from '../../web/src/lib/get-json.ts';

type Call = { url: string; init: RequestInit | undefined };

/** A fetch that records its calls and answers with `respond`. */
function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return respond();
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('getJson', () => {
  it('calls /api with the filters as a query string and returns the JSON body', async () => {
    const { fetch, calls } = fakeFetch(() => json({ total: 3 }));
    const body = await getJson<{ total: number }>(
      '/partners',
      { brand: 'b1', partner: undefined, sort: 'name', limit: 20 },
      { fetch },
    );
    expect(body).toEqual({ total: 3 });
    expect(calls.map((c) => c.url)).toEqual(['/api/partners?brand=b1&sort=name&limit=20']);
  });

  it("throws an ApiError carrying the server's message on a non-2xx answer", async () => {
    const { fetch } = fakeFetch(() =>
      json({ error: { code: 'invalid_parameter', message: '`from` is after `to`' } }, 400),
    );
    const failure = getJson('/kpis', { from: '2025-02', to: '2025-01' }, { fetch });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 400,
      code: 'invalid_parameter',
      message: '`from` is after `to`',
    });
  });

  it('throws on a 2xx answer that is not JSON', async () => {
    const { fetch } = fakeFetch(() => new Response('<!doctype html>', { status: 200 }));
    await expect(getJson('/kpis', {}, { fetch })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('turns a failed connection into a network ApiError', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    await expect(getJson('/kpis', {}, { fetch })).rejects.toMatchObject({ code: networkErrorCode });
  });

  it('passes the AbortSignal on and rethrows the abort untouched', async () => {
    const controller = new AbortController();
    const { fetch, calls } = fakeFetch(() => {
      controller.abort();
      return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
    });
    await expect(getJson('/kpis', {}, { fetch, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(calls[0]?.init?.signal).toBe(controller.signal);
  });
});
