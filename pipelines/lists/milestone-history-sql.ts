// The history rows of milestones (events, payments, disputes) as the detail answers show them.
// One definition for the milestone detail (one milestone) and the project detail (all of a
// project's milestones): the caller says which milestones (`where`, on `m`) and may add columns.

export type HistoryKind = 'events' | 'payments' | 'disputes';

const history: Record<HistoryKind, { table: string; columns: string; order: string }> = {
  events: {
    table: 'milestone_events',
    columns: `h.event_id AS "eventId", h.kind, h.event_date AS date, h.actor`,
    order: 'h.event_date, h.event_id',
  },
  payments: {
    table: 'payments',
    columns: `h.payment_id AS "paymentId", h.kind, h.amount::DOUBLE AS amount, h.currency,
  h.scheduled_date AS "scheduledDate", h.invoiced_date AS "invoicedDate", h.paid_date AS "paidDate"`,
    order: 'coalesce(h.paid_date, h.scheduled_date), h.payment_id',
  },
  disputes: {
    table: 'disputes',
    columns: `h.dispute_id AS "disputeId", h.opened_date AS "openedDate",
  h.resolved_date AS "resolvedDate", h.reason, h.amount::DOUBLE AS amount, h.outcome`,
    order: 'h.opened_date, h.dispute_id',
  },
};

/** One history table's rows, in date order (ties by id), of the milestones `m` where `where` holds. */
export function historySql(kind: HistoryKind, where: string, extraColumns = ''): string {
  const h = history[kind];
  return `
SELECT ${h.columns}${extraColumns}
FROM ${h.table} h JOIN milestones m USING (milestone_id)
WHERE ${where}
ORDER BY ${h.order}`;
}
