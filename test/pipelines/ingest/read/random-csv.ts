import fc from 'fast-check';

/** Random records (quotes, delimiters, line breaks inside values; empty lines between). */
export const csvRecords = fc.array(
  fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', '中') }), {
    minLength: 3,
    maxLength: 3,
  }),
  { minLength: 1, maxLength: 12 },
);

export function toCsv(records: string[][], breaks: string[]): string {
  const quote = (f: string) =>
    /[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f;
  return records
    .map((fields, i) => fields.map(quote).join(',') + (breaks[i % breaks.length] ?? '\n'))
    .join('');
}
