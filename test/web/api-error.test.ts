import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom, networkErrorCode } from '../../web/src/lib/api-error.ts';
import { errorMessage } from '../../web/src/lib/error-message.ts';

const messages = { network: 'Server unreachable', unexpected: 'Unexpected answer' };

describe('apiErrorFrom', () => {
  it("keeps the server's code, message and details", () => {
    const error = apiErrorFrom(400, {
      error: {
        code: 'invalid_parameter',
        message: '`from` is after `to`',
        details: { path: 'from' },
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_parameter',
      message: '`from` is after `to`',
      details: { path: 'from' },
    });
  });

  it('falls back to the status for bodies of another shape', () => {
    expect(apiErrorFrom(502, '<html>Bad gateway</html>')).toMatchObject({
      code: 'http_502',
      message: 'Request failed with status 502',
    });
    expect(apiErrorFrom(500, { error: { message: '  ' } }).message).toBe(
      'Request failed with status 500',
    );
  });
});

describe('errorMessage', () => {
  it("shows the server's message, a friendly one for network failures, and hides the rest", () => {
    expect(errorMessage(new ApiError(422, 'invalid', 'Bad month'), messages)).toBe('Bad month');
    expect(errorMessage(new ApiError(0, networkErrorCode, 'fetch failed'), messages)).toBe(
      'Server unreachable',
    );
    expect(errorMessage(new TypeError('x is undefined'), messages)).toBe('Unexpected answer');
  });
});
