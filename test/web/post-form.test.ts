import { describe, expect, it } from 'vitest';
import { ApiError, networkErrorCode } from '../../web/src/lib/api-error.ts';
import { postForm } from '../../web/src/lib/post-form.ts';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('postForm', () => {
  it('posts the form to /api and returns the JSON answer', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), init });
      return json({ loadId: 'L1' }, 201);
    }) as typeof globalThis.fetch;
    const form = new FormData();
    form.append('mapping', 'sip');
    expect(await postForm<{ loadId: string }>('/imports', form, { fetch })).toEqual({
      loadId: 'L1',
    });
    expect(calls[0]?.url).toBe('/api/imports');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.body).toBe(form);
    expect(calls[0]?.init?.credentials).toBe('same-origin');
  });

  it('turns the API error shape into an ApiError with the server’s message', async () => {
    const fetch = (async () =>
      json(
        { error: { code: 'invalid_mapping', message: 'mappingJson is not valid JSON' } },
        400,
      )) as typeof globalThis.fetch;
    const error = await postForm('/imports', new FormData(), { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_mapping',
      message: 'mappingJson is not valid JSON',
    });
  });

  it('reports a network failure as such', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const error = await postForm('/imports', new FormData(), { fetch }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: networkErrorCode });
  });
});
