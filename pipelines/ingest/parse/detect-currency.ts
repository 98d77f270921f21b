import { cleanCell, narrowCell } from './clean-cell.ts';
import { DEFAULT_MISSING_MARKERS, isMissingCell, normalizeMarkers } from './missing-markers.ts';
import { numberRules } from './number-rules.ts';
import { compileNumberParser } from './parse-number.ts';
import type { MoneyTransform } from './transform-schema.ts';

/**
 * ISO code of the currency mark of a money cell (`¥1,234.50` -> CNY, `US$ 5` -> USD), or null
 * when the cell has no mark, is missing or is not a valid amount. JS twin of currencySql.
 */
export function detectCurrency(
  raw: string | null,
  t: MoneyTransform = { kind: 'money' },
): string | null {
  if (
    raw === null ||
    isMissingCell(raw, new Set(normalizeMarkers(t.missing ?? DEFAULT_MISSING_MARKERS)))
  ) {
    return null;
  }
  const outcome = compileNumberParser(numberRules(t))(narrowCell(cleanCell(raw)));
  return outcome.ok ? outcome.currency : null;
}
