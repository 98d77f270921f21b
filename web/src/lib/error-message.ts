import { ApiError, networkErrorCode } from './api-error.ts';

interface ErrorMessages {
  network: string;
  unexpected: string;
}

/** What to tell the user about a failed request: the server's own message when it sent one. */
export function errorMessage(error: unknown, messages: ErrorMessages): string {
  if (error instanceof ApiError) {
    return error.code === networkErrorCode ? messages.network : error.message;
  }
  return messages.unexpected;
}
