import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';
import { twoBrandWarehouse } from '../support/two-brand-warehouse.ts';

/** The Cookie header a browser would send after this answer. */
function cookiesOf(res: Response): { header: string; set: string[]; csrf: string } {
  const set = res.headers.getSetCookie();
  const pairs = set.map((c) => c.split(';')[0] ?? '');
  const csrf = pairs.find((p) => p.startsWith('milepost_csrf='))?.split('=')[1] ?? '';
  return { header: pairs.join('; '), set, csrf };
}

describe('dashboard sign-in, sessions and CSRF', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let token = '';
  beforeAll(async () => {
    wh = (await twoBrandWarehouse()).warehouse;
    app = createApp({ warehouse: wh, version: 'test', log: () => {} });
    token = await testToken(wh, 'analyst', ['alpha']);
  });
  afterAll(() => wh.close());

  it('turns a sign-in link into an HttpOnly, SameSite=Strict session cookie and goes to /', async () => {
    const res = await app.request(`/auth/signin?token=${token}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const { set } = cookiesOf(res);
    const session = set.find((c) => c.startsWith('milepost_session='));
    const csrf = set.find((c) => c.startsWith('milepost_csrf='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Path=\//);
    expect(session).toMatch(/Expires=/);
    expect(session).not.toContain(token);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Strict/);
  });

  it('signs in from the pasted-token form (POST) and refuses other sites', async () => {
    const form = new URLSearchParams({ token });
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const ok = await app.request('/auth/signin', { method: 'POST', body: form, headers });
    expect(ok.status).toBe(303);
    const foreigns: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://localhost' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const foreign of foreigns) {
      const evil = await app.request('/auth/signin', {
        method: 'POST',
        body: form,
        headers: { ...headers, ...foreign },
      });
      expect(evil.status, JSON.stringify(foreign)).toBe(403);
      expect(evil.headers.getSetCookie()).toEqual([]);
    }
    const sameOrigin = { 'Sec-Fetch-Site': 'same-origin', Origin: 'null' };
    const own = await app.request('/auth/signin', {
      method: 'POST',
      body: form,
      headers: { ...headers, ...sameOrigin },
    });
    expect(own.status).toBe(303);
  });

  it('refuses a bad token: 401 JSON for scripts, back to the prompt for browsers', async () => {
    const json = await app.request('/auth/signin?token=mpt_bad');
    expect(json.status).toBe(401);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
    const html = await app.request('/auth/signin?token=mpt_bad', {
      headers: { Accept: 'text/html' },
    });
    expect(html.status).toBe(303);
    expect(html.headers.get('location')).toBe('/?signin=invalid');
  });

  it('serves the API to the session and gives its CSRF token in /api/me', async () => {
    const { header, csrf } = cookiesOf(await app.request(`/auth/signin?token=${token}`));
    const me = await app.request('/api/me', { headers: { Cookie: header } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ via: 'session', role: 'analyst', csrfToken: csrf });
  });

  it('requires the matching X-CSRF-Token on writes made with the cookie', async () => {
    const { header, csrf } = cookiesOf(await app.request(`/auth/signin?token=${token}`));
    const signout = (extra: Record<string, string>) =>
      app.request('/api/auth/signout', { method: 'POST', headers: { Cookie: header, ...extra } });
    const missing = await signout({});
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const wrong = `${csrf.slice(0, -2)}${csrf.endsWith('xx') ? 'yy' : 'xx'}`;
    expect((await signout({ 'X-CSRF-Token': wrong })).status).toBe(403);
    // A CSRF token of another session does not fit this one.
    const other = cookiesOf(await app.request(`/auth/signin?token=${token}`));
    expect((await signout({ 'X-CSRF-Token': other.csrf })).status).toBe(403);

    const ok = await signout({ 'X-CSRF-Token': csrf });
    expect(ok.status).toBe(204);
    expect(ok.headers.getSetCookie().join()).toMatch(/milepost_session=;/);
    expect((await app.request('/api/me', { headers: { Cookie: header } })).status).toBe(401);
  });

  it('needs no CSRF header for bearer requests (browsers never add Authorization)', async () => {
    const res = await app.request('/api/auth/signout', { method: 'POST', headers: bearer(token) });
    expect(res.status).toBe(204);
  });

  it('ends the sessions of a revoked token', async () => {
    const own = await testToken(wh, 'viewer', ['alpha']);
    const { header } = cookiesOf(await app.request(`/auth/signin?token=${own}`));
    expect((await app.request('/api/me', { headers: { Cookie: header } })).status).toBe(200);
    const admin = await testToken(wh, 'admin');
    const list = (await (await app.request('/api/tokens', { headers: bearer(admin) })).json()) as {
      tokens: { tokenId: string; name: string }[];
    };
    const id = list.tokens.find((t) => t.name === 'test viewer')?.tokenId;
    const revoke = await app.request(`/api/tokens/${id}`, {
      method: 'DELETE',
      headers: bearer(admin),
    });
    expect(revoke.status).toBe(200);
    expect((await app.request('/api/me', { headers: { Cookie: header } })).status).toBe(401);
  });
});
