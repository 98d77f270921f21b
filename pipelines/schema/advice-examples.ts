import type { Finding } from './advice.ts';

// OpenAPI examples of the check and refine answers (`.meta({ example })` in advice.ts; split and
// incentives in advice-payment-examples.ts): the real answers for contract C000012 of the demo
// warehouse (seed 7, 5,000 milestones, as of 2026-10-31, model version 1) to the request examples
// there, their long arrays cut to a few items and their figures rounded.

export const adviceExampleHead = {
  contractId: 'C000012',
  brandId: 'B0009',
  partnerId: 'P00034',
  asOf: '2026-10-31',
  modelVersion: 1,
  confidence: 0.8,
};

const chainHistory = {
  historyFlaggedN: 3782,
  historyFlaggedLateRate: 0.601,
  historyFlaggedDisputeRate: 0.202,
  historyOtherN: 560,
  historyOtherLateRate: 0.523,
  historyOtherDisputeRate: 0.205,
};

const dueBeforeP50: Finding = {
  kind: 'due_before_p50',
  milestoneIds: ['M0000017-02'],
  severity: 'high',
  message:
    '内容制作 is due 2 working days before its forecast P50 (2026-12-15): it is more likely late than not (P(on time) 27%).',
  evidence: {
    dueDate: '2026-12-11',
    p50: '2026-12-15',
    p80: '2026-12-19',
    workdaysShort: 2,
    pOnTime: 0.275,
    source: 'model',
  },
};

const noBuffer: Finding = {
  kind: 'chain_no_buffer',
  milestoneIds: ['M0000017-01', 'M0000017-02'],
  severity: 'high',
  message:
    '内容制作 starts on 2026-11-30, with no buffer after 策略方案 (due 2026-11-30, forecast P80 2026-12-05): a slip there moves it.',
  evidence: {
    predecessor: 'M0000017-01',
    predecessorDue: '2026-11-30',
    predecessorP80: '2026-12-05',
    predecessorPOnTime: 0.464,
    bufferWorkdays: 0,
    ...chainHistory,
  },
};

const vagueCriteria: Finding = {
  kind: 'criteria_not_measurable',
  milestoneIds: ['M0000017-03'],
  severity: 'high',
  message:
    '直播场次: acceptance criteria "效果良好" state no quantity, unit, threshold, deadline, verifier; reviewers will argue about "done".',
  evidence: {
    found: null,
    missing: 'quantity,unit,threshold,deadline,verifier',
    historyFlaggedN: 1778,
    historyFlaggedLateRate: 0.607,
    historyFlaggedDisputeRate: 0.267,
    historyOtherN: 2564,
    historyOtherLateRate: 0.58,
    historyOtherDisputeRate: 0.157,
  },
};

export const checkResponseExample = {
  ...adviceExampleHead,
  milestones: [
    {
      id: 'M0000017-01',
      name: '策略方案',
      dueDate: '2026-11-30',
      p10: '2026-11-27',
      p50: '2026-12-01',
      p80: '2026-12-05',
      p90: '2026-12-08',
      atConfidence: '2026-12-05',
      pOnTime: 0.4636,
      pDispute: 0.1073,
      source: 'model',
    },
    {
      id: 'M0000017-02',
      name: '内容制作',
      dueDate: '2026-12-11',
      p10: '2026-12-09',
      p50: '2026-12-15',
      p80: '2026-12-19',
      p90: '2026-12-19',
      atConfidence: '2026-12-19',
      pOnTime: 0.2747,
      pDispute: 0.1073,
      source: 'model',
    },
  ],
  findings: [dueBeforeP50, noBuffer, vagueCriteria],
};

/** The first of the four milestones the refine answer splits 策略方案 into. */
const firstPart = {
  id: 'M0000017-01.1',
  name: '策略方案 (part 1 of 4)',
  type: 'strategy' as const,
  share: 0.0979,
  plannedStart: '2026-11-16',
  dueDate: '2026-11-20',
  dependsOn: [],
};

export const refineResponseExample = {
  ...adviceExampleHead,
  findings: [dueBeforeP50, noBuffer],
  suggestions: [
    {
      kind: 'split',
      milestoneIds: ['M0000017-01'],
      message:
        'Split 策略方案 into 4 milestones of ~10% and ~4 days each, paid as each part is verified.',
      evidence: {
        reasons: 'share_too_large',
        parts: 4,
        similarLevel: 'partner_kind_type',
        similarN: 36,
        similarMedianShare: 0.109,
        similarMedianPlannedDays: 18.5,
      },
      change: [
        firstPart,
        {
          id: 'M0000017-01',
          name: '策略方案 (part 4 of 4)',
          type: 'strategy',
          share: 0.0978,
          plannedStart: '2026-11-27',
          dueDate: '2026-11-30',
          dependsOn: ['M0000017-01.3'],
        },
      ],
    },
    {
      kind: 'move_due_date',
      milestoneIds: ['M0000017-02'],
      message:
        "Move 内容制作 from 2026-12-11 to 2026-12-28 (forecast P80 after its predecessor's new date): P(on time) 27% -> 93%.",
      evidence: {
        confidence: 0.8,
        dueDate: '2026-12-11',
        newDueDate: '2026-12-28',
        newPlannedStart: '2026-12-07',
        pOnTimeBefore: 0.275,
        pOnTimeAfter: 0.933,
        p50: '2026-12-15',
        source: 'model',
      },
      change: [{ id: 'M0000017-02', dueDate: '2026-12-28', plannedStart: '2026-12-07' }],
    },
  ],
  revisedPlan: {
    brandId: 'B0009',
    partnerId: 'P00034',
    partnerKind: 'store_operator',
    currency: 'CNY',
    value: 129000,
    depositPct: 0,
    retentionPct: 5,
    paymentTermsDays: 15,
    reviewWindowDays: 10,
    milestones: [
      {
        ...firstPart,
        acceptanceCriteria:
          '策略方案（不少于40页），包含人群、渠道、预算分配与KPI，2026-11-30前由品牌中国负责人签字确认',
        reviewWindowDays: null,
      },
      {
        id: 'M0000017-02',
        name: '内容制作',
        type: 'content_production',
        share: 0.2822,
        plannedStart: '2026-12-07',
        dueDate: '2026-12-28',
        acceptanceCriteria: '交付6条短视频（15-60秒）和8张主视觉，修改不超过2轮，2026-12-11前交付',
        reviewWindowDays: null,
        dependsOn: ['M0000017-01'],
      },
    ],
  },
  findingsAfter: [vagueCriteria],
};
