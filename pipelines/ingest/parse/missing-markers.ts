import { cleanCell, lowerLikeDuckDb } from './clean-cell.ts';

/**
 * Cell contents that mean "no value" rather than "bad value", compared after cleaning and lower
 * casing. A mapping may pass its own list (e.g. adding `nda`, or a sentinel date `1900-01-01`);
 * the empty cell and SQL NULL are always missing.
 */
export const DEFAULT_MISSING_MARKERS: readonly string[] = [
  '-',
  '--',
  '\u2014', // em dash
  '\u2013', // en dash
  'na',
  'n/a',
  '#n/a',
  'null',
  '无',
];

export function normalizeMarkers(markers: readonly string[]): string[] {
  const out = new Set(markers.map((m) => lowerLikeDuckDb(cleanCell(m))));
  out.delete('');
  return [...out].sort();
}

/** `markers` as returned by normalizeMarkers (compile once, test many cells). */
export function isMissingCell(raw: string | null, markers: ReadonlySet<string>): boolean {
  if (raw === null) return true;
  const q = cleanCell(raw);
  return q === '' || markers.has(lowerLikeDuckDb(q));
}
