// Landmark rows: each milestone again at a few days of its life before delivery, described as it
// was known then (age, revision rounds, submitted), with the same outcome as its start row. They
// exist only because the milestone was still open then, so the model learns the total duration
// ratio given "open at this age in this state": the forecast of work in flight.
import type { DuckDBConnection } from '@duckdb/node-api';
import { toDayNumber } from '../../calendar/iso-date.ts';
import { mix32 } from '../../random/prng.ts';
import { landmarkEvents, type LandmarkEvents } from './landmark-events.ts';
import { landmarkFeatures, openStatuses, type MilestoneTable } from './milestone-table.ts';
import { dayNumbersOf } from './day-numbers.ts';
import { pickItems, takeRows } from './model-table.ts';

/** Landmark rows of a table: the row each repeats, its day and its state on that day. */
export interface LandmarkPlan {
  parent: Int32Array;
  day: Float64Array;
  ageRatio: Float64Array;
  rounds: Float64Array;
  submitted: Float64Array;
}

export interface LandmarkOptions {
  /**
   * Landmarks per milestone, the earliest first (default 5: with the two check-points, 3 left
   * revision rounds beyond the first nearly unseen; on the demo 5 keeps 98% of the candidates).
   */
  max?: number;
  /** Check-points as shares of the plan (default half-way and the due date). */
  checkpoints?: readonly number[];
  /**
   * Landmark rows at most (default: as many as milestones, but at least 20,000 and at most
   * 50,000): past it a seeded share of the milestones keeps its landmarks. Training time grows
   * with the rows (every landmark kept cost 3.6x the CPU at 25k milestones, 3.4x at 100k), while
   * a few tens of thousands of in-flight rows teach three features.
   */
  maxRows?: number;
}

/**
 * The candidate days of row r: check-points, the first submission and the revision requests,
 * after the start and before `end`.
 */
function candidateDays(
  r: number,
  span: { start: number; planned: number; end: number },
  ev: LandmarkEvents,
  checkpoints: readonly number[],
): number[] {
  const { start, planned, end } = span;
  const days = new Set<number>();
  for (const c of checkpoints) days.add(start + Math.round(c * planned));
  let submitted = false;
  for (let k = ev.first[r] ?? 0; k < (ev.first[r + 1] ?? 0); k++) {
    // The first submission and every revision request (a resubmission changes no feature).
    if (ev.revision[k] || !submitted) days.add(ev.day[k] ?? NaN);
    submitted ||= !ev.revision[k];
  }
  return [...days].filter((d) => d > start && d < end).sort((a, b) => a - b);
}

/** Revision rounds and whether a submission happened, from row r's events dated on or before d. */
function stateOn(ev: LandmarkEvents, r: number, d: number) {
  let rounds = 0;
  let submitted = 0;
  for (let k = ev.first[r] ?? 0; k < (ev.first[r + 1] ?? 0); k++) {
    if ((ev.day[k] ?? Infinity) > d) break;
    if (ev.revision[k]) rounds++;
    else submitted = 1;
  }
  return { rounds, submitted };
}

/** The planning settings and the table's dates as day numbers (parsed once per distinct date). */
interface PlanDays {
  asOfDay: number;
  max: number;
  checkpoints: readonly number[];
  plannedStart: Float64Array;
  approved: Float64Array;
}

/** Row r's landmark days (none for a milestone neither delivered by asOf nor in flight). */
function landmarkDays(
  table: MilestoneTable,
  ev: LandmarkEvents,
  r: number,
  at: PlanDays,
): number[] {
  const approved = table.meta.approved[r] ?? null;
  const planned = table.plannedDays[r] ?? 0;
  const status = table.meta.status[r] ?? '';
  // Open and still 'planned' is not in flight (as in the forecasts); rejected ones have no target.
  if (!(planned > 0) || (approved === null && (!openStatuses.has(status) || status === 'planned')))
    return [];
  const start = at.plannedStart[r] ?? NaN;
  const end = approved === null ? at.asOfDay + 1 : (at.approved[r] ?? NaN);
  return candidateDays(r, { start, planned, end }, ev, at.checkpoints).slice(0, at.max);
}

/**
 * Whether milestone `id` keeps its landmark rows when only a share `p` of them fit the budget: a
 * hash of its id, so the choice is seeded and knows nothing of the outcome.
 */
function sampled(id: string, p: number): boolean {
  if (p >= 1) return true;
  return mix32(0x6c6d6b73, ...Array.from(id, (c) => c.charCodeAt(0))) < p * 2 ** 32;
}

/**
 * Plans the landmark rows of every milestone delivered by asOf or still open: its check-points
 * (half of the plan, the due date), its first submission and its revision requests, each strictly
 * after the planned start, strictly before delivery and not after asOf; the first `max`. The
 * state on a landmark day counts only events dated on or before it. Past `maxRows` landmark rows,
 * a seeded share of the milestones keeps theirs.
 */
export function planLandmarks(
  table: MilestoneTable,
  ev: LandmarkEvents,
  asOf: string,
  options: LandmarkOptions = {},
): LandmarkPlan {
  const at: PlanDays = {
    asOfDay: toDayNumber(asOf),
    max: options.max ?? 5,
    checkpoints: options.checkpoints ?? [0.5, 1],
    plannedStart: dayNumbersOf(table.meta.plannedStart),
    approved: dayNumbersOf(table.meta.approved),
  };
  let total = 0;
  for (let r = 0; r < table.n; r++) total += landmarkDays(table, ev, r, at).length;
  const budget = options.maxRows ?? Math.min(50_000, Math.max(20_000, table.n));
  const share = Math.min(1, budget / Math.max(1, total));
  const out = { parent: [] as number[], day: [] as number[], age: [] as number[] };
  const state = { rounds: [] as number[], submitted: [] as number[] };
  for (let r = 0; r < table.n; r++) {
    if (!sampled(table.ids[r] ?? '', share)) continue;
    const from = startDayOf(at, ev, r);
    for (const d of landmarkDays(table, ev, r, at)) {
      const known = stateOn(ev, r, d);
      out.parent.push(r);
      out.day.push(d);
      out.age.push(Math.max(d - from, 0) / (table.plannedDays[r] ?? 1));
      state.rounds.push(known.rounds);
      state.submitted.push(known.submitted);
    }
  }
  return {
    parent: Int32Array.from(out.parent),
    day: Float64Array.from(out.day),
    ageRatio: Float64Array.from(out.age),
    rounds: Float64Array.from(state.rounds),
    submitted: Float64Array.from(state.submitted),
  };
}

/** Row r's start: the actual start recorded by asOf, else the planned start. */
function startDayOf(at: PlanDays, ev: LandmarkEvents, r: number): number {
  const recorded = ev.startDay[r] ?? NaN;
  return Number.isFinite(recorded) ? recorded : (at.plannedStart[r] ?? NaN);
}

/** A training table: the start rows (in-flight state 0), then the landmark rows. */
export interface LandmarkTable extends MilestoneTable {
  /** Rows before this index are start rows. */
  baseRows: number;
  /** Per row: the start row a landmark row repeats (-1 for start rows). */
  parent: Int32Array;
  /** Per row: the landmark day (NaN for start rows). */
  landmarkDay: Float64Array;
}

/**
 * The table's milestones described at their start, followed by the planned landmark rows. A
 * landmark row keeps its milestone's features, outcome and time (its start: rows of one
 * milestone stay on one side of a time-ordered split); P(late) is left out (NaN) from the due date
 * on, where lateness is a fact.
 */
export function withLandmarks(table: MilestoneTable, plan: LandmarkPlan): LandmarkTable {
  const n = table.n;
  const rows = new Int32Array(n + plan.parent.length);
  for (let i = 0; i < n; i++) rows[i] = i;
  rows.set(plan.parent, n);
  const t = takeRows(table, rows);
  const values = [plan.ageRatio, plan.rounds, plan.submitted];
  landmarkFeatures.forEach((name, k) => {
    const col = new Float64Array(rows.length);
    col.set(values[k] ?? [], n);
    t.features.numeric.set(name, col);
  });
  const landmarkDay = new Float64Array(rows.length).fill(NaN);
  landmarkDay.set(plan.day, n);
  const dueDay = dayNumbersOf(table.meta.baselineDue);
  for (let i = n; i < rows.length; i++) {
    if (!((landmarkDay[i] ?? 0) < (dueDay[rows[i] ?? 0] ?? 0))) t.late[i] = NaN;
    t.censoredAt[i] = NaN;
  }
  return {
    ...t,
    attributes: table.attributes,
    meta: pickMeta(table.meta, rows),
    baseRows: n,
    parent: parentsOf(rows, n),
    landmarkDay,
  };
}

/**
 * The training table of `table` (built by milestoneTable on this connection, as of `asOf`): its
 * start rows and landmark rows from the events dated on or before asOf.
 */
export async function landmarkTable(
  conn: DuckDBConnection,
  table: MilestoneTable,
  asOf: string,
  options: LandmarkOptions = {},
): Promise<LandmarkTable> {
  const events = await landmarkEvents(conn, table, asOf);
  return withLandmarks(table, planLandmarks(table, events, asOf, options));
}

/** Per row of a landmark table: the start row it repeats, -1 for the first `n` (start rows). */
function parentsOf(rows: Int32Array, n: number): Int32Array {
  const out = rows.slice();
  out.fill(-1, 0, n);
  return out;
}

/** The callers' columns of the rows selected by index. */
function pickMeta(m: MilestoneTable['meta'], rows: Int32Array): MilestoneTable['meta'] {
  const pick = <T>(a: readonly T[]) => pickItems(a, rows);
  return {
    brand: pick(m.brand),
    partner: pick(m.partner),
    project: pick(m.project),
    status: pick(m.status),
    plannedStart: pick(m.plannedStart),
    baselineDue: pick(m.baselineDue),
    currentDue: pick(m.currentDue),
    approved: pick(m.approved),
    submitted: pick(m.submitted),
  };
}
