/** Why a non-missing cell gave no value. The importer quarantines the row under this code. */
export const failureReasons = [
  'unparseable',
  'ambiguous',
  'impossible_date',
  'out_of_range',
  'not_integer',
  'formula_like',
  'not_in_vocabulary',
  'too_long',
] as const;
export type FailureReason = (typeof failureReasons)[number];

export type ParsedValue = string | number;
/** `ok` with `value: null` is a missing cell; a failure always has a reason. */
export type ParseResult =
  { ok: true; value: ParsedValue | null } | { ok: false; reason: FailureReason };
