// POST /api<path> with a JSON body and the session's CSRF header; errors become ApiError as in
// getJson (the advice endpoints take their input as a body, not a query).
import { fetchJson, type RequestOptions } from '../fetch-json.ts';
import { csrfHeaders } from '../session.ts';

export function postJson<T>(
  path: string,
  payload: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers = { 'content-type': 'application/json', ...csrfHeaders() };
  return fetchJson<T>(path, { method: 'POST', body: JSON.stringify(payload), headers }, options);
}
