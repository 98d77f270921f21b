// Which brands move to milestone pricing, and when. The switchers are a random subset, so the
// brands that never switch are a fair control group for a difference-in-differences.
import type { PricingModel } from '../schema/enums.ts';
import type { PolicyChange } from '../schema/records.ts';
import { originalModel } from './brands.ts';
import { dayOf, isoOf } from './day-number.ts';
import { rngFor } from '../random/prng.ts';

export interface PolicyPlan {
  /** Per brand index: the change day, or -1 for brands that never switch. */
  readonly changeDay: Int32Array;
  /** Per brand index: the pricing model before any switch. */
  readonly fromModel: readonly PricingModel[];
  readonly changes: readonly PolicyChange[];
}

const STREAM = 3;

/** Switch dates spread over 2023-2024, pulled earlier when the world ends too soon after. */
function switchWindow(historyStartDay: number, horizonDay: number): readonly [number, number] {
  const end = Math.min(dayOf('2024-12-31'), horizonDay - 270);
  const start = Math.min(
    dayOf('2023-01-01'),
    historyStartDay + Math.floor((end - historyStartDay) / 2),
  );
  if (end <= start)
    throw new RangeError('asOf leaves no room for a before/after: use 2022-07-01 or later');
  return [start, end];
}

export function planPolicy(
  seed: number,
  brandIds: readonly string[],
  switchShare: number,
  historyStartDay: number,
  horizonDay: number,
): PolicyPlan {
  const rng = rngFor(seed, STREAM, 0);
  const n = brandIds.length;
  const switchers = Math.min(n - 1, Math.max(1, Math.round(n * switchShare)));
  const order = brandIds.map((_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const [start, end] = switchWindow(historyStartDay, horizonDay);
  const changeDay = new Int32Array(n).fill(-1);
  const fromModel: PricingModel[] = [];
  const switching = new Set(order.slice(0, switchers));
  for (let i = 0; i < n; i++) {
    fromModel.push(originalModel(rng, switching.has(i)));
    if (switching.has(i)) changeDay[i] = rng.int(start, end);
  }
  const changes: PolicyChange[] = [];
  for (let i = 0; i < n; i++) {
    const day = changeDay[i] ?? -1;
    if (day < 0) continue;
    changes.push({
      brandId: brandIds[i] ?? '',
      changeDate: isoOf(day),
      fromModel: fromModel[i] ?? 'upfront',
      toModel: 'milestone',
    });
  }
  return { changeDay, fromModel, changes };
}
