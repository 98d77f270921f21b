import { ApiErrorBody } from './errors.ts';

/** The error answers every route documents. */
export const errorResponses = {
  400: {
    description: 'Invalid parameters (the message names the field and the reason)',
    content: { 'application/json': { schema: ApiErrorBody } },
  },
  500: {
    description: 'Unexpected server error (no internals are revealed)',
    content: { 'application/json': { schema: ApiErrorBody } },
  },
} as const;
