// Labels and values of a finding's evidence, for the active language: each key has a label (the
// raw key when unknown) and its value is formatted by the key's kind (see evidence-kinds.ts).
import type { Format } from '../format.ts';
import type { AdvisorEvidenceMessages } from '../i18n/advisor-evidence-en.ts';
import { evidenceKind } from './evidence-kinds.ts';

export interface EvidenceText {
  format: Format;
  locale: string;
  messages: AdvisorEvidenceMessages;
  /** Names of finding kinds (for `reasons`, a comma-separated list of them). */
  kinds: Record<string, string>;
}

const ratioFormats = new Map<string, Intl.NumberFormat>();
function ratioFormat(locale: string): Intl.NumberFormat {
  let nf = ratioFormats.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    ratioFormats.set(locale, nf);
  }
  return nf;
}

/** Keys whose value is a comma-separated list of codes. */
const listKeys = new Set(['found', 'missing', 'reasons']);

export const evidenceLabel = (key: string, m: AdvisorEvidenceMessages): string =>
  m.labels[key] ?? key;

function numberValue(key: string, v: number, t: EvidenceText): string {
  const f = t.format;
  switch (evidenceKind(key)) {
    case 'rate':
      return f.percent(v);
    case 'ratio':
      return Number.isFinite(v) ? ratioFormat(t.locale).format(v) : f.days(v);
    case 'count':
      return f.integer(v);
    case 'days':
      return t.messages.days(f.days(v));
    case 'workdays':
      return t.messages.workdays(f.integer(v));
    default:
      return f.days(v);
  }
}

function textValue(key: string, v: string, t: EvidenceText): string {
  if (evidenceKind(key) === 'date') return t.format.date(v);
  const names = key === 'reasons' ? { ...t.messages.values, ...t.kinds } : t.messages.values;
  if (!listKeys.has(key)) return names[v] ?? v;
  return v
    .split(',')
    .map((part) => names[part] ?? part)
    .join(t.messages.listSeparator);
}

/** One evidence value for display; null is "—". */
export function evidenceValue(key: string, v: number | string | null, t: EvidenceText): string {
  if (v === null) return '—';
  return typeof v === 'number' ? numberValue(key, v, t) : textValue(key, v, t);
}
