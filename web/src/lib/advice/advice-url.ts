// The Advisor page's state in its URL: the contract, the split constraints and the incentive
// clauses (a draft plan is too long for a URL and stays in the editor). Pure.

export interface SplitSettings {
  maxDepositPct: number;
  minSharePct: number;
  retentionMaxPct: number;
  costRatio: number;
}

export interface ClauseSettings {
  bonusPerDay: number;
  bonusCap: number;
  penaltyPerDay: number;
  penaltyGraceDays: number;
  penaltyCap: number;
}

export interface AdviceState {
  mode: 'contract' | 'plan';
  contract: string | undefined;
  split: SplitSettings;
  clauses: ClauseSettings;
}

interface Bound {
  key: string;
  min: number;
  max: number;
  fallback: number;
}

/** URL key, range and default of each number (the API's own ranges and defaults). */
export const splitBounds: Record<keyof SplitSettings, Bound> = {
  maxDepositPct: { key: 'deposit', min: 0, max: 100, fallback: 30 },
  minSharePct: { key: 'minShare', min: 0, max: 50, fallback: 2 },
  retentionMaxPct: { key: 'retention', min: 0, max: 50, fallback: 15 },
  costRatio: { key: 'cost', min: 0.05, max: 1.5, fallback: 0.7 },
};

export const clauseBounds: Record<keyof ClauseSettings, Bound> = {
  bonusPerDay: { key: 'bonus', min: 0, max: 1e9, fallback: 0 },
  bonusCap: { key: 'bonusCap', min: 0, max: 1e12, fallback: 0 },
  penaltyPerDay: { key: 'penalty', min: 0, max: 1e9, fallback: 0 },
  penaltyGraceDays: { key: 'grace', min: 0, max: 365, fallback: 0 },
  penaltyCap: { key: 'penaltyCap', min: 0, max: 1e12, fallback: 0 },
};

function readNumber(params: URLSearchParams, b: Bound): number {
  const raw = params.get(b.key);
  const n = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) ? Math.min(b.max, Math.max(b.min, n)) : b.fallback;
}

function readAll<T extends object>(params: URLSearchParams, bounds: Record<keyof T, Bound>): T {
  const out: Record<string, number> = {};
  for (const [name, b] of Object.entries(bounds) as [string, Bound][]) {
    out[name] = readNumber(params, b);
  }
  return out as T;
}

export function readAdviceState(params: URLSearchParams): AdviceState {
  const contract = params.get('contract')?.trim();
  return {
    mode: params.get('mode') === 'plan' ? 'plan' : 'contract',
    contract: contract && contract.length <= 128 ? contract : undefined,
    split: readAll<SplitSettings>(params, splitBounds),
    clauses: readAll<ClauseSettings>(params, clauseBounds),
  };
}

/** URL parameters for changed numbers; a default value is left out of the URL. */
export function numberPatch<T extends object>(
  bounds: Record<keyof T, Bound>,
  patch: Partial<T>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(patch) as [keyof T & string, number][]) {
    const b = bounds[name];
    out[b.key] = value === b.fallback ? undefined : String(value);
  }
  return out;
}

/** True when any clause is set (the simulator needs at least a bonus or a penalty). */
export function hasClauses(c: ClauseSettings): boolean {
  return c.bonusPerDay > 0 || c.penaltyPerDay > 0;
}

/** The split constraints as the API takes them. */
export function splitConstraints(s: SplitSettings) {
  return {
    maxDepositPct: s.maxDepositPct,
    minSharePct: s.minSharePct,
    retentionMinPct: 0,
    retentionMaxPct: s.retentionMaxPct,
    costRatio: s.costRatio,
  };
}
