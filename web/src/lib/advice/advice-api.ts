// Typed client for POST /api/advice/* (body: a stored contract or a draft plan).
import type {
  CheckResponse,
  IncentiveResponse,
  PlanInput,
  SplitResponse,
} from '../../../../api/types.ts';
import type { RequestOptions } from '../get-json.ts';
import { language } from '../i18n/index.ts';
import type { ClauseSettings, SplitSettings } from './advice-url.ts';
import { splitConstraints } from './advice-url.ts';
import { postJson } from './post-json.ts';

export type AdviceSource = { contractId: string } | { plan: PlanInput };

// Every request asks for the messages and reasoning in the dashboard's language.
const post = <T>(path: string, body: object, options?: RequestOptions) =>
  postJson<T>(path, { ...body, lang: language }, options);

export const adviceApi = {
  check: (source: AdviceSource, confidence: number, options?: RequestOptions) =>
    post<CheckResponse>('/advice/check', { ...source, confidence }, options),
  split: (source: AdviceSource, split: SplitSettings, options?: RequestOptions) =>
    post<SplitResponse>(
      '/advice/split',
      { ...source, constraints: splitConstraints(split) },
      options,
    ),
  /** Without clauses a stored contract is simulated with its own. */
  incentives: (
    source: AdviceSource,
    clauses: ClauseSettings | undefined,
    options?: RequestOptions,
  ) =>
    post<IncentiveResponse>(
      '/advice/incentives',
      { ...source, ...(clauses ? { clauses } : {}) },
      options,
    ),
};

/** Clauses a draft plan starts with (a plan has none of its own). */
export const exampleClauses: ClauseSettings = {
  bonusPerDay: 500,
  bonusCap: 5000,
  penaltyPerDay: 800,
  penaltyGraceDays: 3,
  penaltyCap: 10000,
};

/** The editor's starting plan: the API's documented example (dates in the near future of asOf). */
export const examplePlan: PlanInput = {
  partnerId: 'P00057',
  currency: 'CNY',
  value: 600000,
  depositPct: 10,
  retentionPct: 5,
  paymentTermsDays: 30,
  milestones: [
    {
      id: 'm1',
      name: 'Strategy',
      type: 'strategy',
      share: 0.1,
      plannedStart: '2026-11-02',
      dueDate: '2026-11-20',
      acceptanceCriteria: 'Strategy deck (≥ 30 pages) signed off by the China lead by 2026-11-20',
      reviewWindowDays: 5,
      dependsOn: [],
    },
    {
      id: 'm2',
      name: 'KOL seeding',
      type: 'kol_seeding',
      share: 0.3,
      plannedStart: '2026-11-23',
      dueDate: '2026-12-18',
      acceptanceCriteria: '≥ 30 Xiaohongshu posts with ≥ 5,000 views each',
      dependsOn: ['m1'],
    },
    {
      id: 'm3',
      name: 'CNY livestreams',
      type: 'livestream',
      share: 0.6,
      plannedStart: '2027-01-04',
      dueDate: '2027-02-05',
      acceptanceCriteria: '品牌满意',
      dependsOn: ['m2'],
    },
  ],
};
