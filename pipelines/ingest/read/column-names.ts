// Staged columns keep the file's header text, because the caller maps by it. DuckDB identifiers
// are case-insensitive, so "Amount" and "amount" would collide: duplicates get `_2`, `_3`, ...
// in file order. `source_line` is taken by the staging table itself.

export const SOURCE_LINE = 'source_line';

export interface NamedColumns {
  names: string[];
  warnings: string[];
}

/** Trimmed header text (BOM and NUL removed), empty names as `column<N>`, made unique. */
export function uniqueColumnNames(header: readonly (string | null | undefined)[]): NamedColumns {
  const taken = new Set<string>([SOURCE_LINE]);
  const warnings: string[] = [];
  const names = header.map((raw, index) => {
    const text = (raw ?? '')
      .replace(/^\uFEFF/, '')
      .replaceAll('\u0000', '')
      .trim();
    const base = text === '' ? `column${index + 1}` : text;
    const name = firstFree(base, taken);
    taken.add(name.toLowerCase());
    if (text === '') warnings.push(`column ${index + 1} has no header; staged as "${name}"`);
    else if (name !== text)
      warnings.push(
        `header "${text}" appears more than once (or is reserved); staged as "${name}"`,
      );
    return name;
  });
  return { names, warnings };
}

function firstFree(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** `column1..columnN` for files read without a header row. */
export function generatedNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `column${i + 1}`);
}
