// A project's history as one list: its milestones' events, payments and disputes merged by date
// (the API sends each kind already in date order). Pure; labels are the component's job.
import type { ProjectDetail } from '../../../../api/types.ts';

export interface TimelineRow {
  /** Unique across the three kinds (their ids may collide). */
  key: string;
  date: string;
  milestoneId: string;
  milestoneName: string;
  /** `scheduled`: a payment not paid yet, dated by its scheduled date. */
  what: 'event' | 'payment' | 'scheduled' | 'dispute';
  /** Event kind, payment kind or dispute reason. */
  code: string;
  amount: number | null;
  /** Null for disputes, which are in the contract's (the project's) currency. */
  currency: string | null;
}

type History = Pick<ProjectDetail, 'events' | 'payments' | 'disputes'>;

const eventRow = (e: History['events'][number]): TimelineRow => ({
  key: `e:${e.eventId}`,
  date: e.date,
  milestoneId: e.milestoneId,
  milestoneName: e.milestoneName,
  what: 'event',
  code: e.kind,
  amount: null,
  currency: null,
});

const paymentRow = (p: History['payments'][number]): TimelineRow => ({
  key: `p:${p.paymentId}`,
  date: p.paidDate ?? p.scheduledDate ?? '',
  milestoneId: p.milestoneId,
  milestoneName: p.milestoneName,
  what: p.paidDate ? 'payment' : 'scheduled',
  code: p.kind,
  amount: p.amount,
  currency: p.currency,
});

const disputeRow = (d: History['disputes'][number]): TimelineRow => ({
  key: `d:${d.disputeId}`,
  date: d.openedDate,
  milestoneId: d.milestoneId,
  milestoneName: d.milestoneName,
  what: 'dispute',
  code: d.reason,
  amount: d.amount,
  currency: null,
});

// An undated payment (neither paid nor scheduled) sorts last.
const dateKey = (date: string) => date || '9999-12-31';

/** Rows in date order; on one date events come first, then payments, then disputes (the sort is
 *  stable, so each kind also keeps the API's order). */
export function projectTimeline(history: History): TimelineRow[] {
  const rows = [
    ...history.events.map(eventRow),
    ...history.payments.map(paymentRow),
    ...history.disputes.map(disputeRow),
  ];
  return rows.sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)));
}
