import { z } from 'zod';

export const Freshness = z
  .object({
    asOf: z.string().nullable().describe('Status date of the newest successful load you may see'),
    dataVersion: z
      .string()
      .nullable()
      .describe('Changes after every load; cached answers are keyed by it'),
    martsRefreshedAt: z.string().nullable().describe('When the marts were last rebuilt (UTC)'),
    martsCurrent: z
      .boolean()
      .describe(
        'False for the seconds between a load and its marts refresh (or after a crash there, until the rebuild)',
      ),
    martsAsOf: z
      .string()
      .nullable()
      .describe('Status date of the newest load the marts (KPIs, cohorts, trends) include'),
    modelVersion: z.number().nullable().describe('Newest trained model, null before the first'),
    lastLoad: z
      .object({
        loadId: z.string(),
        source: z.string(),
        status: z.string(),
        startedAt: z.string(),
        finishedAt: z.string().nullable(),
        asOf: z.string().nullable(),
      })
      .nullable()
      .describe('The newest successful load you may see'),
  })
  .meta({
    id: 'Freshness',
    example: {
      asOf: '2026-10-31',
      dataVersion: '20261101T020311-3f9c2a1b',
      martsRefreshedAt: '2026-11-01 02:03:11.402',
      martsCurrent: true,
      martsAsOf: '2026-10-31',
      modelVersion: 3,
      lastLoad: {
        loadId: 'demo-42-1',
        source: 'demo',
        status: 'succeeded',
        startedAt: '2026-11-01 01:55:02.113',
        finishedAt: '2026-11-01 02:03:12.020',
        asOf: '2026-10-31',
      },
    },
  });
export type Freshness = z.infer<typeof Freshness>;
