import type { Calendar } from '../calendar/create-calendar.ts';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date.ts';
import type { MilestoneTable } from '../models/features/milestone-table.ts';
import { milestoneNumericFeatures } from '../models/features/milestone-table.ts';
import { encodeCategorical } from '../models/features/model-table.ts';
import type { Plan } from '../schema/advice.ts';

/** Features copied from the newest history row of the same partner, type or brand. */
const fromPartner = [
  'partner_history_n',
  'partner_late_rate',
  'partner_log_ratio',
  'partner_dispute_rate',
  'partner_load_30d',
];
const fromType = ['type_late_rate'];
const fromBrand = ['brand_review_days', 'brand_pay_late_days', 'brand_dispute_rate'];

function newestRow(table: MilestoneTable, match: (i: number) => boolean): number {
  let best = -1;
  for (let i = 0; i < table.n; i++) {
    if (match(i) && (best < 0 || (table.time[i] ?? 0) >= (table.time[best] ?? 0))) best = i;
  }
  return best;
}

export function milestoneAmount(plan: Plan, m: Plan['milestones'][number]): number {
  return m.amount ?? (m.share ?? 0) * plan.value;
}

export function milestoneShare(plan: Plan, m: Plan['milestones'][number]): number {
  return m.share ?? (m.amount ?? 0) / plan.value;
}

function calendarFeatures(calendar: Calendar, start: string, due: string) {
  let peak = 0;
  let holiday = 0;
  for (let d = toDayNumber(start); d < toDayNumber(due); d++) {
    const iso = fromDayNumber(d);
    if (calendar.periodsOn(iso).length) peak++;
    if (calendar.isHoliday(iso)) holiday++;
  }
  return {
    planned_workdays: calendar.workdaysBetween(start, due),
    peak_days: peak,
    holiday_days: holiday,
    due_on_holiday: calendar.isWorkday(due) ? 0 : 1,
    due_in_peak: calendar.periodsOn(due).length ? 1 : 0,
  };
}

type Setter = (feature: string, value: number | undefined) => void;

/** One draft milestone's features: track record copied from history, the rest from the plan. */
function fillRow(
  plan: Plan,
  m: Plan['milestones'][number],
  set: Setter,
  history: MilestoneTable,
  options: { calendar: Calendar; usdPerUnit: number; brandId: string },
) {
  const partner = m.partnerId ?? plan.partnerId;
  const copy = (names: string[], row: number) => {
    for (const f of names) if (row >= 0) set(f, history.features.numeric.get(f)?.[row]);
  };
  copy(
    fromPartner,
    newestRow(history, (r) => history.meta.partner[r] === partner),
  );
  copy(
    fromType,
    newestRow(history, (r) => history.referenceGroup[r] === m.type),
  );
  copy(
    fromBrand,
    newestRow(history, (r) => history.meta.brand[r] === options.brandId),
  );
  set('planned_days', toDayNumber(m.dueDate) - toDayNumber(m.plannedStart));
  const cal = calendarFeatures(options.calendar, m.plannedStart, m.dueDate);
  for (const [k, v] of Object.entries(cal)) set(k, v);
  set('share', milestoneShare(plan, m));
  set('log_amount', Math.log(1 + milestoneAmount(plan, m) * options.usdPerUnit));
  set('criteria_length', (m.acceptanceCriteria ?? '').length);
  set('criteria_has_number', /[0-9]/.test(m.acceptanceCriteria ?? '') ? 1 : 0);
}

/**
 * A model table for a draft plan, so the trained model forecasts milestones that exist nowhere
 * yet: plan features from the plan and the calendar, track-record features from the newest
 * history row of the same partner, type and brand (as the model would see them on asOf).
 */
export function draftTable(
  plan: Plan,
  history: MilestoneTable,
  options: { calendar: Calendar; usdPerUnit: number; brandId: string },
): MilestoneTable {
  const ms = plan.milestones;
  const n = ms.length;
  const numeric = new Map<string, Float64Array>(
    milestoneNumericFeatures.map((f) => [f, new Float64Array(n).fill(NaN)]),
  );
  const set = (f: string, i: number, v: number | undefined) => {
    const col = numeric.get(f);
    if (col && v !== undefined) col[i] = v;
  };
  ms.forEach((m, i) => fillRow(plan, m, (f, v) => set(f, i, v), history, options));
  return tableOf(plan, numeric, options.brandId);
}

function tableOf(plan: Plan, numeric: Map<string, Float64Array>, brandId: string): MilestoneTable {
  const ms = plan.milestones;
  const n = ms.length;
  const nan = () => new Float64Array(n).fill(NaN);
  const col = <T>(f: (m: Plan['milestones'][number]) => T) => ms.map(f);
  const categorical = new Map([
    ['milestone_type', encodeCategorical(col((m) => m.type))],
    ['partner_kind', encodeCategorical(col(() => plan.partnerKind ?? 'other'))],
    ['pricing_model', encodeCategorical(col(() => 'milestone'))],
  ]);
  return {
    n,
    ids: col((m) => m.id),
    time: Float64Array.from(ms, (m) => toDayNumber(m.plannedStart)),
    features: { numeric, categorical },
    logRatio: nan(),
    late: nan(),
    disputed: nan(),
    plannedDays: Float64Array.from(ms, (m) => toDayNumber(m.dueDate) - toDayNumber(m.plannedStart)),
    censoredAt: nan(),
    referenceGroup: col((m) => m.type),
    attributes: [],
    meta: {
      brand: col(() => brandId),
      partner: col((m) => m.partnerId ?? plan.partnerId),
      project: col(() => 'draft'),
      status: col(() => 'planned'),
      plannedStart: col((m) => m.plannedStart),
      baselineDue: col((m) => m.dueDate),
      currentDue: col((m) => m.dueDate),
      approved: col(() => null),
      submitted: col(() => null),
    },
  };
}
