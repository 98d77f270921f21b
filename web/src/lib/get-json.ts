// GET /api<path>?<query> as JSON, with the API's error shape turned into ApiError.
import { ApiError, apiErrorFrom, isAbortError, networkErrorCode } from './api-error.ts';
import { toQueryString, type QueryValue } from './query-string.ts';
import { announceSignedOut } from './session.ts';

export interface RequestOptions {
  signal?: AbortSignal;
  /** For tests and non-browser callers; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** Throws ApiError on any failure; an abort rethrows the AbortError so callers can ignore it. */
export async function getJson<T>(
  path: string,
  params: Readonly<Record<string, QueryValue>>,
  options: RequestOptions = {},
): Promise<T> {
  const fetchFn = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchFn(`/api${path}${toQueryString(params)}`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, networkErrorCode, error instanceof Error ? error.message : String(error));
  }
  const body = await readJson(response);
  if (response.status === 401) announceSignedOut();
  if (!response.ok) throw apiErrorFrom(response.status, body);
  if (body === undefined) {
    throw new ApiError(response.status, 'invalid_response', 'The server did not answer with JSON');
  }
  return body as T;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
