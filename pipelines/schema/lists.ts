import { z } from 'zod';
import { MilestoneStatus } from './enums.ts';
import { KpiFilterFields, withPeriodCheck } from './kpis.ts';

// Paged lists of projects and milestones, and their details. Filters are the KPI filters
// (the period applies to milestones' baseline due dates); sort keys are fixed names.

const page = {
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

const statusList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  )
  .pipe(z.array(MilestoneStatus).min(1, 'empty list'));

export const milestoneSortKeys = [
  'baselineDue',
  'slipDays',
  'amount',
  'status',
  'milestoneId',
] as const;
export const MilestoneListFields = z.object({
  status: statusList.optional().describe('Status(es), comma-separated'),
  project: z.string().min(1).max(128).optional().describe('Only the milestones of this project'),
  sort: z.enum(milestoneSortKeys).default('baselineDue'),
  ...page,
});
export const MilestoneListQuery = withPeriodCheck(
  KpiFilterFields.extend(MilestoneListFields.shape),
);
export type MilestoneListQuery = z.output<typeof MilestoneListQuery>;

export const projectSortKeys = [
  'name',
  'startDate',
  'milestones',
  'onTimeRate',
  'lastDue',
  'projectId',
] as const;
export const ProjectListFields = z.object({
  sort: z.enum(projectSortKeys).default('projectId'),
  ...page,
});
export const ProjectListQuery = withPeriodCheck(KpiFilterFields.extend(ProjectListFields.shape));
export type ProjectListQuery = z.output<typeof ProjectListQuery>;

export const MilestoneRow = z.object({
  milestoneId: z.string(),
  name: z.string(),
  projectId: z.string(),
  contractId: z.string(),
  brandId: z.string(),
  partnerId: z.string(),
  partnerKind: z.string().nullable(),
  pricingModel: z.string(),
  type: z.string(),
  status: z.string(),
  plannedStart: z.string().nullable(),
  baselineDue: z.string(),
  currentDue: z.string(),
  submittedDate: z.string().nullable(),
  approvedDate: z.string().nullable().describe('Delivery date'),
  slipDays: z.number().nullable().describe('Delivery date - baseline due (completed only)'),
  amount: z.number(),
  currency: z.string(),
  disputed: z.boolean(),
  paidDate: z.string().nullable(),
});
export type MilestoneRow = z.infer<typeof MilestoneRow>;

const exampleMilestone: MilestoneRow = {
  milestoneId: 'M0000123',
  name: 'KOL seeding wave 1',
  projectId: 'J000045',
  contractId: 'C000017',
  brandId: 'B0001',
  partnerId: 'P00011',
  partnerKind: 'kol_network',
  pricingModel: 'milestone',
  type: 'kol_seeding',
  status: 'approved',
  plannedStart: '2024-09-02',
  baselineDue: '2024-10-20',
  currentDue: '2024-10-28',
  submittedDate: '2024-10-24',
  approvedDate: '2024-10-29',
  slipDays: 9,
  amount: 48000,
  currency: 'CNY',
  disputed: false,
  paidDate: '2024-12-05',
};

export const MilestoneList = z
  .object({ total: z.number(), milestones: z.array(MilestoneRow) })
  .meta({ id: 'MilestoneList', example: { total: 1, milestones: [exampleMilestone] } });
export type MilestoneList = z.infer<typeof MilestoneList>;

const examplePayment = {
  paymentId: 'PAY1',
  kind: 'milestone',
  amount: 48000,
  currency: 'CNY',
  scheduledDate: '2024-11-28',
  invoicedDate: '2024-10-30',
  paidDate: '2024-12-05',
};

export const MilestoneDetail = z
  .object({
    milestone: MilestoneRow.extend({
      acceptanceCriteria: z.string().nullable(),
      share: z.number(),
      revisionRounds: z.number(),
    }),
    events: z.array(
      z.object({
        eventId: z.string(),
        kind: z.string(),
        date: z.string(),
        actor: z.string().nullable(),
      }),
    ),
    payments: z.array(
      z.object({
        paymentId: z.string(),
        kind: z.string(),
        amount: z.number(),
        currency: z.string(),
        scheduledDate: z.string().nullable(),
        invoicedDate: z.string().nullable(),
        paidDate: z.string().nullable(),
      }),
    ),
    disputes: z.array(
      z.object({
        disputeId: z.string(),
        openedDate: z.string(),
        resolvedDate: z.string().nullable(),
        reason: z.string(),
        amount: z.number(),
        outcome: z.string().nullable(),
      }),
    ),
  })
  .meta({
    id: 'MilestoneDetail',
    example: {
      milestone: {
        ...exampleMilestone,
        acceptanceCriteria: '≥ 30 KOL posts on Xiaohongshu with ≥ 5,000 views each',
        share: 0.12,
        revisionRounds: 1,
      },
      events: [
        { eventId: 'E1', kind: 'submitted', date: '2024-10-24', actor: 'partner' },
        { eventId: 'E2', kind: 'approved', date: '2024-10-29', actor: 'brand' },
      ],
      payments: [examplePayment],
      disputes: [],
    },
  });
export type MilestoneDetail = z.infer<typeof MilestoneDetail>;

export const ProjectRow = z.object({
  projectId: z.string(),
  name: z.string(),
  brandId: z.string(),
  partnerId: z.string(),
  contractId: z.string(),
  pricingModel: z.string(),
  startDate: z.string().nullable(),
  firstDue: z.string().nullable(),
  lastDue: z.string().nullable(),
  milestones: z.number(),
  completed: z.number(),
  onTime: z.number(),
  onTimeRate: z.number().nullable(),
  disputed: z.number(),
  amount: z.number(),
  currency: z.string(),
});
export type ProjectRow = z.infer<typeof ProjectRow>;

const exampleProject: ProjectRow = {
  projectId: 'J000045',
  name: '11.11 campaign 2024',
  brandId: 'B0001',
  partnerId: 'P00011',
  contractId: 'C000017',
  pricingModel: 'milestone',
  startDate: '2024-08-19',
  firstDue: '2024-09-06',
  lastDue: '2024-11-20',
  milestones: 9,
  completed: 9,
  onTime: 4,
  onTimeRate: 0.444,
  disputed: 1,
  amount: 420000,
  currency: 'CNY',
};

export const ProjectList = z
  .object({ total: z.number(), projects: z.array(ProjectRow) })
  .meta({ id: 'ProjectList', example: { total: 1, projects: [exampleProject] } });
export type ProjectList = z.infer<typeof ProjectList>;

// The project's history: the rows of a milestone's detail, each naming its milestone.
const ofMilestone = { milestoneId: z.string(), milestoneName: z.string() };
const milestoneHistory = MilestoneDetail.shape;
const seeding = { milestoneId: 'M0000123', milestoneName: 'KOL seeding wave 1' };

export const ProjectDetail = z
  .object({
    project: ProjectRow,
    milestones: z.array(MilestoneRow),
    events: z
      .array(milestoneHistory.events.element.extend(ofMilestone))
      .describe("Events of the project's milestones, in date order"),
    payments: z
      .array(milestoneHistory.payments.element.extend(ofMilestone))
      .describe("Payments of the project's milestones, by paid (else scheduled) date"),
    disputes: z
      .array(milestoneHistory.disputes.element.extend(ofMilestone))
      .describe("Disputes of the project's milestones, by opened date"),
  })
  .meta({
    id: 'ProjectDetail',
    example: {
      project: exampleProject,
      milestones: [exampleMilestone],
      events: [
        { eventId: 'E1', kind: 'submitted', date: '2024-10-24', actor: 'partner', ...seeding },
        { eventId: 'E2', kind: 'approved', date: '2024-10-29', actor: 'brand', ...seeding },
      ],
      payments: [{ ...examplePayment, ...seeding }],
      disputes: [
        {
          disputeId: 'D7',
          openedDate: '2024-11-22',
          resolvedDate: '2024-12-02',
          reason: 'quality',
          amount: 6000,
          outcome: 'partial',
          milestoneId: 'M0000131',
          milestoneName: 'Livestream 11.11',
        },
      ],
    },
  });
export type ProjectDetail = z.infer<typeof ProjectDetail>;
