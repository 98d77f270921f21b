// What a tracker shows for one milestone on the status date: only the events that happened by
// `asOf`, the status they imply, the due date as last re-planned by then.
import type { EventKind, MilestoneStatus } from '../schema/enums.ts';
import type { Milestone, MilestoneEvent } from '../schema/records.ts';
import { isoOf } from './day-number.ts';
import type { MilestoneOutcome } from './milestone-outcome.ts';
import type { PlannedMilestone } from './project-schedule.ts';

export interface MilestoneIdentity {
  readonly milestoneId: string;
  readonly projectId: string;
  readonly contractId: string;
  readonly brandId: string;
  readonly partnerId: string;
  readonly name: string;
  readonly acceptanceCriteria: string | null;
  readonly amount: number;
  readonly share: number;
}

export interface Actors {
  readonly partner: string;
  readonly brand: string;
}

/** Appends the events that happened by `asOfDay`: submit, (revision request, submit)*, verdict. */
function appendKnownEvents(
  out: MilestoneEvent[],
  milestoneId: string,
  outcome: MilestoneOutcome,
  asOfDay: number,
  actors: Actors,
): void {
  const { submissions, revisionRequests } = outcome.timeline;
  const push = (kind: EventKind, day: number): boolean => {
    if (day > asOfDay) return false;
    out.push({
      eventId: `${milestoneId}-E${out.length + 1}`,
      milestoneId,
      kind,
      eventDate: isoOf(day),
      actor: kind === 'submitted' ? actors.partner : actors.brand,
    });
    return true;
  };
  if (!push('submitted', submissions[0] ?? outcome.verdictDay)) return;
  for (let i = 0; i < revisionRequests.length; i++) {
    if (!push('revision_requested', revisionRequests[i] ?? outcome.verdictDay)) return;
    if (!push('submitted', submissions[i + 1] ?? outcome.verdictDay)) return;
  }
  push(outcome.rejected ? 'rejected' : 'approved', outcome.verdictDay);
}

function statusOf(last: EventKind | undefined, started: boolean): MilestoneStatus {
  if (last === undefined) return started ? 'in_progress' : 'planned';
  return last;
}

export function milestoneAsOf(
  id: MilestoneIdentity,
  plan: PlannedMilestone,
  outcome: MilestoneOutcome,
  asOfDay: number,
  actors: Actors,
): { milestone: Milestone; events: MilestoneEvent[] } {
  const events: MilestoneEvent[] = [];
  if (!outcome.cancelled) appendKnownEvents(events, id.milestoneId, outcome, asOfDay, actors);
  const start =
    outcome.actualStart !== null && outcome.actualStart <= asOfDay ? outcome.actualStart : null;
  const started = (start ?? plan.plannedStart) <= asOfDay;
  const replanned = outcome.replanDay !== null && outcome.replanDay <= asOfDay;
  const cancelled = outcome.cancelled && outcome.cancelDay <= asOfDay;
  const milestone: Milestone = {
    milestoneId: id.milestoneId,
    projectId: id.projectId,
    contractId: id.contractId,
    brandId: id.brandId,
    partnerId: id.partnerId,
    name: id.name,
    type: plan.type,
    acceptanceCriteria: id.acceptanceCriteria,
    plannedStart: isoOf(plan.plannedStart),
    actualStart: start === null ? null : isoOf(start),
    baselineDue: isoOf(plan.baselineDue),
    currentDue: isoOf(replanned ? outcome.replanDue : plan.baselineDue),
    amount: id.amount,
    share: id.share,
    status: cancelled ? 'cancelled' : statusOf(events[events.length - 1]?.kind, started),
    attributes: {},
  };
  return { milestone, events };
}
