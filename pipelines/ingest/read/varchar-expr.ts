import { quoteIdent } from '../parse/sql-quote.ts';

/**
 * SQL that turns a typed column into staging text: dates as YYYY-MM-DD, timestamps as
 * `YYYY-MM-DD HH:MM:SS[.ffffff]`, zoned timestamps in UTC with a `Z`, decimals with their scale
 * (`1234.50`), nested values as JSON text.
 */
export function varcharExpr(column: string, duckType: string, table = 'r'): string {
  const ref = `${quoteIdent(table)}.${quoteIdent(column)}`;
  const type = duckType.toUpperCase();
  if (type === 'VARCHAR') return ref;
  if (type === 'TIMESTAMP WITH TIME ZONE') return `CAST(timezone('UTC', ${ref}) AS VARCHAR) || 'Z'`;
  if (isNested(type)) return `CAST(to_json(${ref}) AS VARCHAR)`;
  return `CAST(${ref} AS VARCHAR)`;
}

function isNested(type: string): boolean {
  return (
    type === 'JSON' ||
    type.startsWith('STRUCT') ||
    type.startsWith('MAP') ||
    type.startsWith('UNION') ||
    /\[\d*\]$/.test(type)
  );
}
