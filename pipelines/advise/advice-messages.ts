// The sentences of the advice (findings, suggestions, the split's reasoning), one function per
// kind, in each language the API answers in. The rules compute the values; the catalogue words them.
import type { AdviceLang } from '../schema/advice.ts';
import type { CriteriaElement } from './measurable-criteria.ts';
import { messagesEn } from './messages-en.ts';
import { messagesZh } from './messages-zh.ts';

export interface PeriodLabel {
  label: string;
  labelZh: string;
}

export interface SplitReasoning {
  frontierSize: number;
  depositPct: number;
  retentionPct: number;
  lean: 'earlier' | 'later';
  exposure: number;
  exposureNow: number;
  gap: number;
  gapNow: number;
  /** The contract value (shares of it are quoted). */
  value: number;
}

export interface AdviceMessages {
  shareTooLarge(a: { name: string; share: number; maxShare: number }): string;
  typeVariable(a: {
    type: string;
    level: string;
    p10: number | null;
    p90: number | null;
    lateRate: number;
  }): string;
  /** `holiday` null: a weekend. */
  dueInHoliday(a: { name: string; dueDate: string; holiday: string | null }): string;
  dueInPeak(a: { name: string; periods: readonly PeriodLabel[] }): string;
  dueBeforeP50(a: { name: string; workdaysShort: number; p50: string; pOnTime: number }): string;
  /** `criteria` null or blank: there are none. */
  criteriaNotMeasurable(a: {
    name: string;
    criteria: string | null | undefined;
    missing: readonly CriteriaElement[];
  }): string;
  noReviewWindow(a: { name: string }): string;
  chainNoBuffer(a: {
    name: string;
    plannedStart: string;
    predecessor: string;
    predecessorDue: string;
    predecessorP80: string;
  }): string;
  split(a: { name: string; parts: number; sharePerPart: number; daysPerPart: number }): string;
  /** The name of part `i` (1-based) of `k` of a split milestone. */
  splitPartName(name: string, i: number, k: number): string;
  merge(a: { name: string; share: number; into: string }): string;
  /** early: moved to the forecast; afterPredecessor: pushed by a moved predecessor; else off a day off. */
  moveDueDate(a: {
    name: string;
    from: string;
    to: string;
    confidence: number;
    early: boolean;
    afterPredecessor: boolean;
    pBefore: number;
    pAfter: number;
  }): string;
  addReviewWindow(a: { days: number; names: readonly string[]; calendarDays: number }): string;
  splitReasoning(a: SplitReasoning): string;
}

const catalogues: Record<AdviceLang, AdviceMessages> = { en: messagesEn, zh: messagesZh };

export const messagesFor = (lang: AdviceLang = 'en'): AdviceMessages => catalogues[lang];
