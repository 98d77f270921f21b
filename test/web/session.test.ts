import { afterEach, describe, expect, it, vi } from 'vitest';
import { getJson } from '../../web/src/lib/get-json.ts';
import { csrfHeaders, signedOutEvent, signOut } from '../../web/src/lib/session.ts';

describe('the browser session helpers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the CSRF token from the readable cookie', () => {
    expect(csrfHeaders('a=1; milepost_csrf=abc%2D1; b=2')).toEqual({ 'X-CSRF-Token': 'abc-1' });
    expect(csrfHeaders('milepost_session=x')).toEqual({});
  });

  it('sends the session cookie and announces a 401 so the page can ask for a token', async () => {
    const events = new EventTarget();
    let heard = 0;
    events.addEventListener(signedOutEvent, () => (heard += 1));
    vi.stubGlobal('dispatchEvent', (e: Event) => events.dispatchEvent(e));
    let init: RequestInit | undefined;
    const fetch = (async (_url: string, i?: RequestInit) => {
      init = i;
      return new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'Sign in' } }), {
        status: 401,
      });
    }) as typeof globalThis.fetch;
    await expect(getJson('/kpis', {}, { fetch })).rejects.toMatchObject({ status: 401 });
    expect(init?.credentials).toBe('same-origin');
    expect(heard).toBe(1);
  });

  it('signs out with the CSRF header', async () => {
    vi.stubGlobal('document', { cookie: 'milepost_csrf=tok' });
    const calls: [string, RequestInit | undefined][] = [];
    await signOut((async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response(null, { status: 204 });
    }) as typeof fetch);
    expect(calls[0]?.[0]).toBe('/api/auth/signout');
    expect(calls[0]?.[1]).toMatchObject({ method: 'POST', headers: { 'X-CSRF-Token': 'tok' } });
  });
});
