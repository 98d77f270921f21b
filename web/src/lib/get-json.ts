// GET /api<path>?<query> as JSON, with the API's error shape turned into ApiError.
import { fetchJson, type RequestOptions } from './fetch-json.ts';
import { toQueryString, type QueryValue } from './query-string.ts';

export type { RequestOptions } from './fetch-json.ts';

/** Throws ApiError on any failure; an abort rethrows the AbortError so callers can ignore it. */
export function getJson<T>(
  path: string,
  params: Readonly<Record<string, QueryValue>>,
  options: RequestOptions = {},
): Promise<T> {
  return fetchJson<T>(`${path}${toQueryString(params)}`, {}, options);
}
