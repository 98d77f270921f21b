// The plan of one project as signed: which milestones, in what chain, with planned start and
// baseline due dates on China working days. Nothing here knows how the work will turn out.
import type { MilestoneType } from '../schema/enums.ts';
import { nextChinaWorkday, previousChinaWorkday } from './day-profile.ts';
import type { DayProfile } from './day-profile.ts';
import type { Rng } from '../random/prng.ts';
import type { ProjectTemplate } from './project-templates.ts';
import { typeProfiles } from './type-profiles.ts';

export interface PlannedMilestone {
  readonly type: MilestoneType;
  /** 1-based repeat number among milestones of the same type in the project. */
  readonly repeat: number;
  readonly plannedStart: number;
  readonly baselineDue: number;
  /** Indices (within the project) of the milestones this one waits for. */
  readonly dependsOn: readonly number[];
}

const MAX_DURATION = 60;

/** 4-15 milestones, mean about 8.3 (MILESTONES_PER_PROJECT). */
export function milestoneCount(rng: Rng): number {
  return 4 + Math.floor(12 * Math.pow(rng.next(), 1.5));
}

/** The template's chain stretched or trimmed to `n` milestones, ordered by stage. */
export function milestoneTypes(rng: Rng, template: ProjectTemplate, n: number): MilestoneType[] {
  const first = template.core[0] ?? 'strategy';
  const last = template.core[template.core.length - 1] ?? 'reporting';
  let middle = template.core.slice(1, -1);
  while (middle.length > n - 2) middle.splice(rng.int(0, middle.length - 1), 1);
  while (middle.length < n - 2) middle.push(rng.pick(template.extra));
  middle = middle
    .map((type, i) => ({ type, i }))
    .sort((a, b) => typeProfiles[a.type].stage - typeProfiles[b.type].stage || a.i - b.i)
    .map((x) => x.type);
  return [first, ...middle, last];
}

function plannedDuration(rng: Rng, type: MilestoneType): number {
  const p = typeProfiles[type];
  const d = Math.round(p.durationMedian * Math.exp(0.35 * rng.normal()));
  return Math.min(p.durationMax, Math.max(p.durationMin, d));
}

/** Waves of the same type run one after another; other steps sometimes run in parallel. */
function dependencies(rng: Rng, types: readonly MilestoneType[], k: number): number[] {
  if (k === 0) return [];
  if (types[k] === types[k - 1] || types[k] === 'reporting' || k < 2) return [k - 1];
  if (rng.chance(0.2)) return [k - 2];
  return rng.chance(0.15) ? [k - 1, k - 2] : [k - 1];
}

/** Start offsets relative to the project start, before calendar snapping. */
function relativeStarts(
  rng: Rng,
  durations: readonly number[],
  deps: readonly (readonly number[])[],
): number[] {
  const starts: number[] = [];
  durations.forEach((_, k) => {
    let start = 0;
    for (const j of deps[k] ?? []) {
      const ds = starts[j] ?? 0;
      const dd = durations[j] ?? 0;
      // Most steps wait for the previous due date; some start while it is still being finished.
      const gap = rng.chance(0.7) ? rng.int(0, 2) : -Math.floor(dd * rng.uniform(0.1, 0.4));
      start = Math.max(start, ds + dd + gap, ds + 1);
    }
    starts.push(start);
  });
  return starts;
}

export interface ScheduleInput {
  readonly types: readonly MilestoneType[];
  /** Earliest day the project can start. */
  readonly earliest: number;
  /** For campaigns: a function giving the first peak day on or after a day. */
  readonly anchorOnOrAfter: ((day: number) => number) | null;
}

interface RelativePlan {
  readonly origin: number;
  readonly durations: readonly number[];
  readonly rel: readonly number[];
}

/**
 * Campaigns: the peak step (the last one before the report) is due on the peak day. A peak that
 * comes sooner than the plan needs is met by squeezing the plan, down to 60% of it.
 */
function anchorPlan(
  input: ScheduleInput,
  plan: RelativePlan,
  anchorOnOrAfter: (day: number) => number,
): RelativePlan {
  const { types, earliest } = input;
  const peak = Math.max(0, types.length - 2);
  const peakDue = (plan.rel[peak] ?? 0) + (plan.durations[peak] ?? 0);
  const anchorDay = anchorOnOrAfter(earliest + Math.ceil(0.6 * peakDue));
  const room = anchorDay - earliest;
  const origin = Math.max(earliest, anchorDay - Math.min(room, peakDue));
  if (room >= peakDue) return { ...plan, origin };
  const f = room / peakDue;
  return {
    origin,
    durations: plan.durations.map((d, k) =>
      Math.max(typeProfiles[types[k] ?? 'other'].durationMin, Math.round(d * f)),
    ),
    rel: plan.rel.map((r) => Math.round(r * f)),
  };
}

export function scheduleProject(
  rng: Rng,
  input: ScheduleInput,
  days: DayProfile,
): PlannedMilestone[] {
  const { types } = input;
  const durations = types.map((t) => plannedDuration(rng, t));
  const deps = types.map((_, k) => dependencies(rng, types, k));
  let plan: RelativePlan = {
    origin: input.earliest,
    durations,
    rel: relativeStarts(rng, durations, deps),
  };
  if (input.anchorOnOrAfter) plan = anchorPlan(input, plan, input.anchorOnOrAfter);
  const counts = new Map<MilestoneType, number>();
  const out: PlannedMilestone[] = [];
  types.forEach((type, k) => {
    let start = plan.origin + (plan.rel[k] ?? 0);
    for (const j of deps[k] ?? []) start = Math.max(start, (out[j]?.plannedStart ?? 0) + 1);
    start = nextChinaWorkday(days, start);
    let due = nextChinaWorkday(days, start + (plan.durations[k] ?? 5));
    if (due - start > MAX_DURATION)
      due = previousChinaWorkday(days, start + MAX_DURATION, start + 5);
    const repeat = (counts.get(type) ?? 0) + 1;
    counts.set(type, repeat);
    out.push({ type, repeat, plannedStart: start, baselineDue: due, dependsOn: deps[k] ?? [] });
  });
  return out;
}
