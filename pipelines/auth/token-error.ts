/** A token request that cannot be honoured; `code` is stable for the API's error shape. */
export class TokenError extends Error {
  constructor(
    readonly code: 'invalid_brands' | 'unknown_brand' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}
