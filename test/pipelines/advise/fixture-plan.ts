// A plan whose right answers are known, and a small synthetic history for it (no database).
import type { HistoryRow } from '../../../pipelines/advise/history-rows.ts';
import { chinaCalendar } from '../../../pipelines/calendar/index.ts';
import { defaultCheckOptions, type CheckContext } from '../../../pipelines/advise/check-context.ts';
import { forecastPlan } from '../../../pipelines/advise/plan-forecast.ts';
import { Plan, type PlanInput } from '../../../pipelines/schema/advice.ts';

const row = (i: number, over: Partial<HistoryRow>): HistoryRow => ({
  milestoneId: `H${i}`,
  contractId: `HC${i % 7}`,
  brandId: 'B1',
  partnerId: 'P1',
  partnerKind: 'livestream',
  type: 'creative',
  share: 0.1,
  plannedStart: '2024-03-01',
  baselineDue: '2024-03-21',
  approved: '2024-03-21',
  logRatio: 0,
  late: false,
  disputed: false,
  verificationLagDays: 7,
  criteria: '≥ 3 creative routes, signed off by the brand lead by 2024-03-21',
  reviewWindowDays: 5,
  predecessors: 0,
  ...over,
});

/**
 * 60 steady creative milestones (ratio ~1, 10% late) and 40 livestreams of this partner that
 * ran 0.9-4x their plan, 80% late, with vague criteria and more disputes.
 */
export function fixtureHistory(): HistoryRow[] {
  const steady = Array.from({ length: 60 }, (_, i) =>
    row(i, { logRatio: Math.log(0.95 + (i % 10) * 0.01), late: i % 10 === 0 }),
  );
  const live = Array.from({ length: 40 }, (_, i) => {
    const ratio = 0.9 + (3.1 * i) / 39;
    return row(100 + i, {
      type: 'livestream',
      logRatio: Math.log(ratio),
      late: i >= 8,
      disputed: i % 3 === 0,
      criteria: '品牌满意',
    });
  });
  return [...steady, ...live];
}

export const fixturePlanInput: PlanInput = {
  brandId: 'B1',
  partnerId: 'P1',
  partnerKind: 'livestream',
  currency: 'CNY',
  value: 1_000_000,
  depositPct: 10,
  retentionPct: 5,
  paymentTermsDays: 30,
  milestones: [
    {
      id: 's',
      name: 'Strategy',
      type: 'strategy',
      share: 0.1,
      plannedStart: '2025-09-01',
      dueDate: '2025-09-19',
      acceptanceCriteria: 'Strategy deck (≥ 30 pages) signed off by the China lead by 2025-09-19',
      reviewWindowDays: 5,
    },
    {
      id: 'live',
      name: 'Golden Week livestreams',
      type: 'livestream',
      share: 0.6,
      plannedStart: '2025-09-22',
      dueDate: '2025-10-01',
      acceptanceCriteria: '品牌满意',
      reviewWindowDays: 0,
      dependsOn: ['s'],
    },
    {
      id: 'media',
      name: '11.11 media buy',
      type: 'media_buy',
      share: 0.28,
      plannedStart: '2025-10-01',
      dueDate: '2025-11-11',
      acceptanceCriteria: '5M impressions on Tmall at CPM ≤ 45 CNY; placement report by 2025-11-11',
      reviewWindowDays: 5,
      dependsOn: ['live'],
    },
    {
      id: 'report',
      name: 'Wrap-up report',
      type: 'reporting',
      share: 0.02,
      plannedStart: '2025-11-12',
      dueDate: '2025-11-18',
      acceptanceCriteria:
        'Campaign report with GMV and ROI for all 3 channels, delivered by 2025-11-18',
      reviewWindowDays: 5,
      dependsOn: ['media'],
    },
  ],
};

export const fixturePlan = (input: PlanInput = fixturePlanInput): Plan => Plan.parse(input);

/** The check context of the fixture plan, forecasts from the fixture history (reference class). */
export function fixtureContext(plan = fixturePlan(), confidence = 0.8): CheckContext {
  const history = fixtureHistory();
  return {
    plan,
    forecasts: forecastPlan(plan, { history }, { confidence }),
    history,
    calendar: chinaCalendar,
    options: { ...defaultCheckOptions, confidence },
  };
}
