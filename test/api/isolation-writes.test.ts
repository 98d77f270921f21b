// Tenant isolation for writes, generated from the route table like isolation.test.ts is for reads:
// every route that is not a GET is sent the samples of isolation-write-samples.ts with a token
// scoped to brand A (alpha), aimed at brand B (bravo) and at B's ghost. Each must be refused
// (403/404) or answer without touching B; either way B's data must be unchanged, and the answer
// about B must equal the answer about ids that exist nowhere (else it tells A what B has).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { brandFingerprint } from '../support/brand-fingerprint.ts';
import { ghost, withoutIds } from '../support/tenant-ids.ts';
import { bearer, testToken } from '../support/test-token.ts';
import { twoBrandWarehouse, type TwoBrands } from '../support/two-brand-warehouse.ts';
import {
  type Caller,
  type Target,
  type WriteSample,
  writeSamples,
  writesNotExercised,
} from './isolation-write-samples.ts';
import { fill, getRoutesOf } from './isolation-read-samples.ts';

/**
 * Samples that do reach brand B today, found by this test and reported, not fixed here: each is
 * checked to still fail, so a fix makes this test fail until its entry is removed.
 */
const knownLeaks: Record<string, string> = {
  "POST /api/imports (its milestone's key)":
    "a row with B's milestone id under brand=alpha is quarantined as key_of_other_brand, while an unknown id is inserted: the answer tells A that B has the id",
  'POST /api/imports (its contract and project)':
    "a row naming B's contractId and projectId under brand=alpha is quarantined as key_of_other_brand (since 2026-12-08; before, it was inserted into B's contract and project), while unknown ids are inserted: the answer tells A that B has those ids",
};

/** Reads that answer A about B after the writes above, because of a known leak. */
const knownReadLeaks: Record<string, string> = {};

type App = ReturnType<typeof createApp>;

/** A browser session of a token: its cookies, and the CSRF header its writes need. */
async function sessionOf(app: App, secret: string): Promise<Record<string, string>> {
  const signin = await app.request(`/auth/signin?token=${secret}`);
  const Cookie = signin.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await (await app.request('/api/me', { headers: { Cookie } })).json()) as {
    csrfToken: string;
  };
  return { Cookie, 'X-CSRF-Token': me.csrfToken };
}

/** Non-GET routes as registered, as `METHOD /path` in OpenAPI's {param} spelling. */
function writeRoutes(app: App): string[] {
  const keys = app.routes
    .filter((r) => !['GET', 'HEAD', 'ALL'].includes(r.method) && !r.path.endsWith('*'))
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  return [...new Set(keys)].sort();
}

/** An answer with what differs between any two calls (new load ids, clocks) taken out. */
const stable = (text: string) =>
  text
    .replace(/"loadId":"[^"]*"/g, '"loadId":"<load>"')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?/g, '<time>');

describe('tenant isolation over every write route', () => {
  let fx: TwoBrands;
  let app: App;
  let caller: Caller;
  let aSecret = '';
  let target: Target;
  beforeAll(async () => {
    fx = await twoBrandWarehouse();
    app = createApp({ warehouse: fx.warehouse, version: 'test', log: () => {}, rateLimit: null });
    aSecret = await testToken(fx.warehouse, 'admin', [fx.a.brandId]);
    caller = { bearer: bearer(aSecret), session: await sessionOf(app, aSecret) };
    const bSecret = await testToken(fx.warehouse, 'admin', [fx.b.brandId], 'bravo admin');
    const me = await app.request('/api/me', { headers: bearer(bSecret) });
    const { tokenId } = (await me.json()) as { tokenId: string };
    target = { t: fx.b, tokenId, sessionCookie: (await sessionOf(app, bSecret)).Cookie! };
  });
  afterAll(() => fx.warehouse.close());

  it('has a sample for every write route, and none for a route that is gone', () => {
    const routes = writeRoutes(app);
    expect(routes.length).toBeGreaterThan(5);
    const listed = [...Object.keys(writeSamples), ...Object.keys(writesNotExercised)];
    expect(
      routes.filter((r) => !listed.includes(r)),
      'add samples to writeSamples',
    ).toEqual([]);
    expect(
      listed.filter((r) => !routes.includes(r)),
      'stale entries',
    ).toEqual([]);
  });

  const send = async (s: WriteSample) => {
    const res = await app.request(s.path, s.init);
    return { status: res.status, text: await res.text() };
  };

  /** Brand A's caller with a new session each time: a sample may end the one it is given. */
  const freshCaller = async (): Promise<Caller> => ({
    bearer: caller.bearer,
    session: await sessionOf(app, aSecret),
  });

  /** What is wrong with one sample: B changed, B shown, or an answer unlike the ghost's. */
  async function problems(route: string, sample: (x: Target, a: Caller) => WriteSample) {
    const found: string[] = [];
    const before = await brandFingerprint(fx.warehouse, fx.b.brandId);
    const onB = await send(sample(target, await freshCaller()));
    const after = await brandFingerprint(fx.warehouse, fx.b.brandId);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    if (changed.length) found.push(`changed brand B's ${changed.join(', ')}`);
    if (onB.status >= 500) found.push(`answered ${onB.status}`);
    const shown = withoutIds(onB.text, fx.b);
    if (/bravo/i.test(shown)) found.push(`shows brand B: ${shown.slice(0, 200)}`);
    const g = { t: ghost(fx.b), tokenId: `${target.tokenId}-ghost`, sessionCookie: 'x=1' };
    const onGhost = await send(sample(g, await freshCaller()));
    const same = stable(shown) === stable(withoutIds(onGhost.text, g.t));
    if (onB.status !== onGhost.status || !same)
      found.push(
        `answers unlike for unknown ids: ${onB.status} ${stable(shown).slice(0, 300)} vs ${onGhost.status} ${stable(withoutIds(onGhost.text, g.t)).slice(0, 300)}`,
      );
    return found.map((f) => `${route} (${sample(target, caller).label}): ${f}`);
  }

  it('refuses or leaves brand B alone, answering as for ids that do not exist', async () => {
    const failures: string[] = [];
    const stillLeaking: string[] = [];
    for (const [route, samples] of Object.entries(writeSamples)) {
      for (const sample of samples) {
        const found = await problems(route, sample);
        const key = `${route} (${sample(target, caller).label})`;
        if (key in knownLeaks) stillLeaking.push(...(found.length ? [key] : []));
        else failures.push(...found);
      }
    }
    expect(failures).toEqual([]);
    expect(stillLeaking.sort(), 'a known leak is fixed: remove it').toEqual(
      Object.keys(knownLeaks).sort(),
    );
  });

  it("still answers 404 to brand A for every id of brand B's, after the writes", async () => {
    const found: string[] = [];
    for (const path of getRoutesOf(app).filter((p) => p.includes('{'))) {
      const url = fill(path, fx.b);
      const res = await app.request(url, { headers: caller.bearer });
      if (res.status !== 404) found.push(`${url}: ${res.status}`);
    }
    expect(found.sort()).toEqual(Object.keys(knownReadLeaks).sort());
  });

  it("still lets brand B's token and session in", async () => {
    const me = await app.request('/api/me', { headers: { Cookie: target.sessionCookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ tokenId: target.tokenId, brands: ['bravo'] });
  });
});
