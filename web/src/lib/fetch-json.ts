// One request to the API with a JSON answer: the API's error shape becomes ApiError (with the
// server's message), a lost connection a network ApiError, and a 401 tells the page to ask for a
// sign-in. getJson and postForm are this with a method and body.
import { ApiError, apiErrorFrom, isAbortError, networkErrorCode } from './api-error.ts';
import { announceSignedOut } from './session.ts';

export interface RequestOptions {
  signal?: AbortSignal;
  /** For tests and non-browser callers; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** `path` is below /api (with any query string). Throws ApiError; an abort rethrows the AbortError. */
export async function fetchJson<T>(
  path: string,
  init: RequestInit,
  options: RequestOptions = {},
): Promise<T> {
  const fetchFn = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchFn(`/api${path}`, {
      ...init,
      headers: { accept: 'application/json', ...(init.headers as Record<string, string>) },
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, networkErrorCode, error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) announceSignedOut();
  if (!response.ok) throw apiErrorFrom(response.status, body);
  if (body === undefined) {
    throw new ApiError(response.status, 'invalid_response', 'The server did not answer with JSON');
  }
  return body as T;
}
