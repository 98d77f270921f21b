import { CHINESE_UNITS, LATIN_UNITS, type NumberRules } from './number-grammar.ts';
import type { NumericTransform } from './transform-schema.ts';

/** DECIMAL(18,2) holds less than 1e16; INTEGER less than 2^31 in absolute value. */
export const MONEY_MAX_ABS = 1e16;
export const INTEGER_MAX_ABS = 2 ** 31;

/** What a numeric transform accepts of the shared grammar (number-grammar.ts). */
export function numberRules(t: NumericTransform): NumberRules {
  const units = [...CHINESE_UNITS, ...(t.kind !== 'percent' && t.allowSuffixK ? LATIN_UNITS : [])];
  const base = {
    currency: false,
    percent: false,
    units,
    scale100: false,
    integer: false,
    maxAbs: Infinity,
  };
  switch (t.kind) {
    case 'number':
      return base;
    case 'money':
      return { ...base, currency: true, maxAbs: MONEY_MAX_ABS };
    case 'integer':
      return { ...base, integer: true, maxAbs: INTEGER_MAX_ABS };
    case 'percent':
      return { ...base, percent: true, units: [], scale100: t.scale === 100 };
  }
}
