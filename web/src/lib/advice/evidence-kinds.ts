// What each advisor evidence key measures, so its value is shown in its own unit: a duration
// ratio of 0.85 is "0.85", a late rate of 0.85 is "85.0%". Keys come from pipelines/advise/*.ts.

export type EvidenceKind = 'rate' | 'ratio' | 'count' | 'days' | 'workdays' | 'date' | 'text';

const byKind: Record<Exclude<EvidenceKind, 'text'>, readonly string[]> = {
  rate: [
    'share',
    'maxShare',
    'trivialShare',
    'similarMedianShare',
    'historyFlaggedLateRate',
    'historyFlaggedDisputeRate',
    'historyOtherLateRate',
    'historyOtherDisputeRate',
    'lateRate',
    'disputeRate',
    'overallLateRate',
    'pOnTime',
    'predecessorPOnTime',
    'pOnTimeBefore',
    'pOnTimeAfter',
    'confidence',
  ],
  ratio: ['ratioP10', 'ratioP50', 'ratioP90', 'overallRatioP10', 'overallRatioP90'],
  count: [
    'n',
    'completed',
    'lateN',
    'historyFlaggedN',
    'historyOtherN',
    'historyN',
    'similarN',
    'parts',
  ],
  days: [
    'verificationLagP50',
    'verificationLagP80',
    'windowDays',
    'trivialDays',
    'similarMedianPlannedDays',
  ],
  workdays: ['workdaysShort', 'bufferWorkdays'],
  date: [
    'dueDate',
    'p50',
    'p80',
    'periodEnd',
    'predecessorDue',
    'predecessorP80',
    'newDueDate',
    'newPlannedStart',
  ],
};

const kinds = new Map<string, EvidenceKind>(
  Object.entries(byKind).flatMap(([kind, keys]) => keys.map((k) => [k, kind as EvidenceKind])),
);

/** The kind of an evidence key; unknown keys are text (shown as they come). */
export const evidenceKind = (key: string): EvidenceKind => kinds.get(key) ?? 'text';

/** Every key with a known kind (for tests and dictionaries). */
export const knownEvidenceKeys = (): string[] => [...kinds.keys()];
