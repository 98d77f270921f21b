// The Forecasts page's state in its URL, so a view (a project, a milestone, a what-if) can be shared.
// Pure: reads and patches URLSearchParams, never the browser.
import { patchParams } from './patch-params.ts';

export interface ForecastState {
  brand?: string | undefined;
  partner?: string | undefined;
  /** The project drilled into. */
  project?: string | undefined;
  /** The milestone whose drawer is open. */
  milestone?: string | undefined;
  /** What-if on that milestone: a moved due date, another partner. */
  due?: string | undefined;
  to?: string | undefined;
  risk: 'late' | 'dispute';
  /** How many projects the list shows. */
  limit: number;
}

export const forecastKeys = ['brand', 'partner', 'project', 'milestone', 'due', 'to'] as const;
type Key = (typeof forecastKeys)[number];

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const pageSize = 20;

export function readForecastState(params: URLSearchParams): ForecastState {
  const state: ForecastState = {
    risk: params.get('risk') === 'dispute' ? 'dispute' : 'late',
    limit: pageSize,
  };
  for (const key of forecastKeys) {
    const value = params.get(key)?.trim();
    if (!value || value.length > 128) continue;
    if (key === 'due' && !isoDate.test(value)) continue;
    state[key] = value;
  }
  const limit = Number(params.get('limit'));
  if (Number.isInteger(limit) && limit > pageSize && limit <= 100) state.limit = limit;
  return state;
}

export type ForecastPatch = Partial<Record<Key | 'risk' | 'limit', string | number | undefined>>;

/** A copy of `params` with `patch` applied; empty values remove a key. Closing a milestone drops its what-if. */
export function withForecastState(params: URLSearchParams, patch: ForecastPatch): URLSearchParams {
  const next = patchParams(params, patch);
  if ('milestone' in patch) {
    next.delete('due');
    next.delete('to');
  }
  if ('project' in patch && !patch.project) next.delete('milestone');
  if ('brand' in patch || 'partner' in patch) next.delete('limit');
  return next;
}

/** The what-if part of the state, as the API takes it. */
export function whatIfOf(state: ForecastState): { dueDate?: string; partner?: string } {
  return {
    ...(state.due ? { dueDate: state.due } : {}),
    ...(state.to ? { partner: state.to } : {}),
  };
}

export const projectPageSize = pageSize;
