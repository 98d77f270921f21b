// POST /api<path> with a multipart form (uploads) and the session's CSRF header.
import { fetchJson, type RequestOptions } from './fetch-json.ts';
import { csrfHeaders } from './session.ts';

export function postForm<T>(
  path: string,
  form: FormData,
  options: RequestOptions = {},
): Promise<T> {
  return fetchJson<T>(path, { method: 'POST', body: form, headers: csrfHeaders() }, options);
}
