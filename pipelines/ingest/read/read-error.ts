// The one error a reader throws. `code` is for programs (the API maps it to a status and the UI to
// help text); `message` is for a person and names the line, byte or sheet involved.

export type ReadErrorCode =
  | 'invalid_spec'
  | 'file_not_found'
  | 'empty_file'
  | 'unsupported_format'
  | 'mixed_or_unknown_encoding'
  | 'wrong_delimiter'
  | 'truncated_file'
  | 'line_too_long'
  | 'too_many_rejects'
  | 'sheet_not_found'
  | 'invalid_json'
  | 'unreadable_file';

export class IngestReadError extends Error {
  override name = 'IngestReadError';
  readonly code: ReadErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /**
   * True when DuckDB rejected a statement inside the caller's open transaction: DuckDB then refuses
   * every statement (including our DROPs) until the caller rolls back, which also removes whatever
   * this reader created.
   */
  transactionAborted = false;

  constructor(code: ReadErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function readError(
  code: ReadErrorCode,
  message: string,
  details?: Record<string, unknown>,
): IngestReadError {
  return new IngestReadError(code, message, details);
}
