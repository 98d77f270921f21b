import { ApiErrorBody } from './errors.ts';

/** The error answers every route documents. */
export const errorResponses = {
  400: {
    description: 'Invalid parameters (the message names the field and the reason)',
    content: { 'application/json': { schema: ApiErrorBody } },
  },
  401: {
    description: 'No token or session, or one that is not valid (see docs/api.md, sign-in)',
    content: { 'application/json': { schema: ApiErrorBody } },
  },
  403: {
    description: "The token's role may not do this, or CSRF header missing on a cookie session",
    content: { 'application/json': { schema: ApiErrorBody } },
  },
  429: {
    description: 'Rate limit of the token exceeded; `Retry-After` says when to try again',
    content: { 'application/json': { schema: ApiErrorBody } },
  },
  500: {
    description: 'Unexpected server error (no internals are revealed)',
    content: { 'application/json': { schema: ApiErrorBody } },
  },
  503: {
    description: 'The query ran past the time-out and was stopped (code query_timeout)',
    content: { 'application/json': { schema: ApiErrorBody } },
  },
} as const;
