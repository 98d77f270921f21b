// The error the typed client throws for any failed request. `message` is the server's own message
// when it sent the API's error shape `{ error: { code, message, details? } }`.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Code of the error thrown when no answer arrived at all (server down, connection refused). */
export const networkErrorCode = 'network_error';

/** An ApiError from a non-2xx answer; tolerates bodies that are not the API's error shape. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message =
    typeof error?.message === 'string' && error.message.trim() !== ''
      ? error.message
      : `Request failed with status ${status}`;
  return new ApiError(status, code, message, error?.details);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
