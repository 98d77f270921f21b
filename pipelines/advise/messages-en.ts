// English advice sentences (the API's default language).
import type { AdviceMessages } from './advice-messages.ts';

const pct = (x: number, digits = 0) => `${(x * 100).toFixed(digits)}%`;
const money = (x: number) => Math.round(x).toLocaleString('en-US');
const ofValue = (x: number, value: number) => `${((100 * x) / value).toFixed(1)}%`;

export const messagesEn: AdviceMessages = {
  shareTooLarge: (a) =>
    `${a.name} carries ${pct(a.share)} of the contract value (limit ${pct(a.maxShare)}): one late or disputed delivery holds up most of the money.`,
  typeVariable: (a) =>
    `${a.type} work (${a.level.replaceAll('_', ' x ')}) has been highly variable: P10-P90 of actual/planned duration ${a.p10?.toFixed(2)}-${a.p90?.toFixed(2)}, ${pct(a.lateRate)} late.`,
  dueInHoliday: (a) =>
    `${a.name} is due on ${a.dueDate}, ${a.holiday ?? 'a weekend'}: nobody reviews or delivers that day.`,
  dueInPeak: (a) =>
    `${a.name} is due during ${a.periods.map((p) => p.label).join(', ')}, when partners' capacity is stretched.`,
  dueBeforeP50: (a) =>
    `${a.name} is due ${a.workdaysShort} working day${a.workdaysShort === 1 ? '' : 's'} before its forecast P50 (${a.p50}): it is more likely late than not (P(on time) ${pct(a.pOnTime)}).`,
  criteriaNotMeasurable: (a) =>
    a.criteria?.trim()
      ? `${a.name}: acceptance criteria "${a.criteria}" state no ${a.missing.join(', ')}; reviewers will argue about "done".`
      : `${a.name} has no acceptance criteria: reviewers will argue about "done".`,
  noReviewWindow: (a) =>
    `${a.name} has no review window: review time is nobody's responsibility and cannot be told apart from partner delay.`,
  chainNoBuffer: (a) =>
    `${a.name} starts on ${a.plannedStart}, with no buffer after ${a.predecessor} (due ${a.predecessorDue}, forecast P80 ${a.predecessorP80}): a slip there moves it.`,
  split: (a) =>
    `Split ${a.name} into ${a.parts} milestones of ~${pct(a.sharePerPart)} and ~${a.daysPerPart} days each, paid as each part is verified.`,
  splitPartName: (name, i, k) => `${name} (part ${i} of ${k})`,
  merge: (a) =>
    `Merge ${a.name} (${pct(a.share, 1)}, a few days) into ${a.into}: a separate sign-off and invoice costs more than it protects.`,
  moveDueDate: (a) => {
    const label = `P${Math.round(a.confidence * 100)}`;
    const why = a.early
      ? `to ${a.to} (forecast ${label}${a.afterPredecessor ? ` after its predecessor's new date` : ''}): P(on time) ${pct(a.pBefore)} -> ${pct(a.pAfter)}`
      : a.afterPredecessor
        ? `to ${a.to}, after its predecessor's new date`
        : `off a day off to the next working day ${a.to}`;
    return `Move ${a.name} from ${a.from} ${why}.`;
  },
  addReviewWindow: (a) =>
    `Add a review window of ${a.days} working days to ${a.names.length === 1 ? a.names[0] : `${a.names.length} milestones`}: 80% of this brand's reviews took ${a.calendarDays} calendar days or less; beyond that, delay is the brand's, not the partner's.`,
  splitReasoning: (a) =>
    [
      `Of ${a.frontierSize} splits on the trade-off frontier, deposit ${a.depositPct}% and retention ${a.retentionPct}% with milestone shares leaning to ${a.lean} milestones balance both sides best:`,
      `the brand's P90 exposure (paid minus delivered value) peaks at ${money(a.exposure)} (${ofValue(a.exposure, a.value)} of the value, now ${money(a.exposureNow)}),`,
      `the partner's P90 working-capital gap (cost incurred minus cash received) at ${money(a.gap)} (${ofValue(a.gap, a.value)}, now ${money(a.gapNow)}).`,
      `Moving along the frontier lowers one only by raising the other.`,
    ].join(' '),
};
