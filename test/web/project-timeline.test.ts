import { describe, expect, it } from 'vitest';
import type { ProjectDetail } from '../../api/types.ts';
import { projectTimeline } from '../../web/src/lib/forecast/project-timeline.ts';

const a = { milestoneId: 'M1', milestoneName: 'Brief' };
const b = { milestoneId: 'M2', milestoneName: 'Launch film' };
const payment = { kind: 'milestone', currency: 'CNY', invoicedDate: null };

const history: Pick<ProjectDetail, 'events' | 'payments' | 'disputes'> = {
  events: [
    { eventId: 'E1', kind: 'submitted', date: '2024-01-08', actor: null, ...a },
    { eventId: 'E2', kind: 'approved', date: '2024-01-20', actor: null, ...a },
    { eventId: 'E3', kind: 'submitted', date: '2024-01-21', actor: null, ...b },
  ],
  payments: [
    { paymentId: 'P1', amount: 900, scheduledDate: '2024-01-10', paidDate: null, ...payment, ...b },
    {
      paymentId: 'P2',
      amount: 1000,
      scheduledDate: null,
      paidDate: '2024-01-20',
      ...payment,
      ...a,
    },
    { paymentId: 'E1', amount: 5, scheduledDate: null, paidDate: null, ...payment, ...a },
  ],
  disputes: [
    {
      disputeId: 'D1',
      openedDate: '2024-01-20',
      resolvedDate: null,
      reason: 'quality',
      amount: 100,
      outcome: null,
      ...b,
    },
  ],
};

describe('projectTimeline', () => {
  it('merges events, payments and disputes by date, events first on a shared date', () => {
    const rows = projectTimeline(history);
    expect(rows.map((r) => [r.date, r.key, r.milestoneName])).toEqual([
      ['2024-01-08', 'e:E1', 'Brief'],
      ['2024-01-10', 'p:P1', 'Launch film'],
      ['2024-01-20', 'e:E2', 'Brief'],
      ['2024-01-20', 'p:P2', 'Brief'],
      ['2024-01-20', 'd:D1', 'Launch film'],
      ['2024-01-21', 'e:E3', 'Launch film'],
      ['', 'p:E1', 'Brief'],
    ]);
  });

  it('keeps what each row is, its amount and currency (none for disputes)', () => {
    const byKey = new Map(projectTimeline(history).map((r) => [r.key, r]));
    expect(byKey.get('e:E1')).toMatchObject({ what: 'event', code: 'submitted', amount: null });
    expect(byKey.get('p:P2')).toMatchObject({ what: 'payment', amount: 1000, currency: 'CNY' });
    expect(byKey.get('p:P1')).toMatchObject({ what: 'scheduled', date: '2024-01-10' });
    expect(byKey.get('d:D1')).toMatchObject({ what: 'dispute', code: 'quality', currency: null });
  });

  it('answers an empty history with no rows', () => {
    expect(projectTimeline({ events: [], payments: [], disputes: [] })).toEqual([]);
  });
});
