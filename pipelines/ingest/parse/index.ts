// Public surface of the value-parsing layer (see README.md). Import from here only.
export { quoteIdent, quoteLiteral, columnRef, SqlQuoteError } from './sql-quote.ts';
export {
  Transform,
  DateTransform,
  NumberTransform,
  MoneyTransform,
  IntegerTransform,
  PercentTransform,
  TextTransform,
  VocabularyTransform,
} from './transform-schema.ts';
export { dateFormats, type DateFormat } from './date-patterns.ts';
export {
  failureReasons,
  type FailureReason,
  type ParseResult,
  type ParsedValue,
} from './failure-reasons.ts';
export { parseValueJs, compileParser, type RawCell } from './parse-value.ts';
export { valueSql, failureReasonSql, missingSql, currencySql } from './value-sql.ts';
export { isFormulaLike, isFormulaLikeSql } from './formula-like.ts';
export { detectCurrency } from './detect-currency.ts';
export { DEFAULT_MISSING_MARKERS } from './missing-markers.ts';
export { DEFAULT_PIVOT_YEAR } from './parse-date.ts';
export { defaultVocabularies, vocabularyNames, type VocabularyName } from './vocabularies.ts';
export { resolveVocabulary, VocabularyError } from './vocabulary-lookup.ts';
