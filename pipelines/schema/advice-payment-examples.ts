import type { SplitPointAdvice } from './advice.ts';
import { adviceExampleHead } from './advice-examples.ts';

// OpenAPI examples of the split and incentives answers (`.meta({ example })` in advice.ts): the
// real answers for contract C000012 of the demo warehouse to the request examples there, like
// those of advice-examples.ts, their long arrays cut to a few items and their figures rounded.

const shares = (a: number, b: number, c: number, d: number) =>
  [a, b, c, d].map((sharePct, i) => ({ milestoneId: `M0000017-0${i + 1}`, sharePct }));

const recommended: SplitPointAdvice = {
  depositPct: 20,
  retentionPct: 0,
  shares: shares(59.54, 10.46, 5, 5),
  exposureMean: 25800,
  exposureP90: 25800,
  gapMean: 42011.31,
  gapP90: 64500,
};

export const splitResponseExample = {
  ...adviceExampleHead,
  currency: 'CNY',
  value: 129000,
  runs: 2000,
  seed: 1,
  candidates: 168,
  current: {
    depositPct: 0,
    retentionPct: 5,
    shares: shares(39.15, 28.22, 24.5, 8.14),
    exposureMean: 12.26,
    exposureP90: 12.26,
    gapMean: 71810.46,
    gapP90: 90300,
  },
  recommended,
  reasoning:
    "Of 6 splits on the trade-off frontier, deposit 20% and retention 0% with milestone shares leaning to earlier milestones balance both sides best: the brand's P90 exposure (paid minus delivered value) peaks at 25,800 (20.0% of the value, now 12), the partner's P90 working-capital gap (cost incurred minus cash received) at 64,500 (50.0%, now 90,300). Moving along the frontier lowers one only by raising the other.",
  frontier: [
    {
      depositPct: 0,
      retentionPct: 0,
      shares: shares(76.55, 13.45, 5, 5),
      exposureMean: 0,
      exposureP90: 0,
      gapMean: 67657.71,
      gapP90: 90300,
    },
    recommended,
  ],
  weeks: [
    {
      weekStart: '2026-11-16',
      current: { exposureMean: 0, exposureP90: 0, gapMean: 15624.7, gapP90: 17675 },
      recommended: { exposureMean: 25800, exposureP90: 25800, gapMean: -10175.3, gapP90: -8125 },
    },
    {
      weekStart: '2026-11-23',
      current: { exposureMean: -17675, exposureP90: 0, gapMean: 30025.41, gapP90: 35350 },
      recommended: { exposureMean: 8125, exposureP90: 25800, gapMean: 4225.41, gapP90: 9550 },
    },
  ],
};

/** The clauses of the request example, which the answer repeats. */
export const incentiveClausesExample = {
  bonusPerDay: 500,
  bonusCap: 5000,
  penaltyPerDay: 800,
  penaltyGraceDays: 3,
  penaltyCap: 10000,
};

export const incentiveResponseExample = {
  ...adviceExampleHead,
  currency: 'CNY',
  runs: 2000,
  seed: 1,
  clauses: incentiveClausesExample,
  expectedBonus: 642.25,
  expectedPenalty: 8672.6,
  expectedNet: -8030.35,
  pBonus: 0.3945,
  pPenalty: 0.9535,
  netP10: -10000,
  netP90: -1700,
  milestones: [
    {
      milestoneId: 'M0000017-01',
      pBonus: 0.35,
      pPenalty: 0.307,
      expectedBonus: 435.5,
      expectedPenalty: 1243,
    },
    {
      milestoneId: 'M0000017-02',
      pBonus: 0.1485,
      pPenalty: 0.6035,
      expectedBonus: 184,
      expectedPenalty: 2521,
    },
  ],
  partnerCash: {
    expectedChange: -8030.35,
    gapP90Without: 90300,
    gapP90With: 90300,
    exposureP90Without: 12.26,
    exposureP90With: 0,
  },
};
