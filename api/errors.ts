import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

/** The one error shape of the API. */
export const ApiErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. invalid_parameter'),
      message: z.string().describe('What went wrong, for a person'),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** An error the API means to return, with its status and code. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, details?: unknown): ApiErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/**
 * Field-level messages from a zod failure: `[{ field: 'from', message: '...' }]`. The field is the
 * parameter's name; a position inside a list parameter goes into the message.
 */
export function fieldIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => {
    const [first, ...rest] = i.path;
    const where = rest.length
      ? `item ${rest.map((p) => (typeof p === 'number' ? p + 1 : String(p))).join('.')}: `
      : '';
    return {
      field: first === undefined ? '(request)' : String(first),
      message: `${where}${i.message}`,
    };
  });
}

export function validationResponse(c: Context, error: z.ZodError, where: string) {
  const issues = fieldIssues(error);
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return c.json(errorBody('invalid_parameter', `Invalid ${where}: ${summary}`, issues), 400);
}

/** Turns any thrown value into the error shape; unknown errors become a 500 without internals. */
export function handleError(err: Error, c: Context, log: (msg: string, err: unknown) => void) {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json(errorBody(codeFor(status), err.message || 'Request failed'), status);
  }
  log('unhandled error', err);
  return c.json(errorBody('internal_error', 'Something went wrong on the server'), 500);
}

function codeFor(status: number): string {
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  return status >= 500 ? 'internal_error' : 'bad_request';
}
