// Options of the demo generator and the counts derived from them. Everything the data depends on
// is here, so the same options always give the same data.
import { dayOf } from './day-number.ts';

export interface PlantedEffect {
  /** Relative change of the per-milestone on-time probability after a brand switches (0.38 = +38%). */
  onTimeRelative: number;
  /** Relative change of the per-milestone dispute probability after a brand switches (-0.22 = -22%). */
  disputeRelative: number;
}

export interface DemoOptions {
  /** Same seed, same data. Default 42. */
  seed?: number;
  /** Status date: work after it has not happened yet. Default '2026-10-31'. */
  asOf?: string;
  /**
   * Last day of the simulated world (default: asOf). With a horizon after asOf the same world is
   * shown as known on asOf (contracts signed after asOf left out), so two loads with different
   * asOf and one horizon can be compared, e.g. to score forecasts made on the earlier date.
   */
  horizon?: string;
  /** Target number of milestones (reached within about 1%). Default 25,000. */
  milestones?: number;
  /** Default milestones / 8.3 (4-15 milestones per project). */
  projects?: number;
  /** Default 40 at 25,000 milestones, growing with the square root of the size. */
  brands?: number;
  /** Default 150 at 25,000 milestones, growing with the square root of the size. */
  partners?: number;
  /** Share of brands that move to milestone pricing in 2023-2024. Default 0.4. */
  switchShare?: number;
  /** The effect planted at the switch. Default +38% on-time, -22% disputes (the case study). */
  effect?: Partial<PlantedEffect>;
  /** Milestones per generated batch (memory stays flat whatever the total). Default 50,000. */
  batchMilestones?: number;
}

export interface ResolvedDemoOptions {
  seed: number;
  asOf: string;
  asOfDay: number;
  horizon: string;
  horizonDay: number;
  /** First day of the history (2021-01-01): contracts are signed from late 2020 on. */
  historyStartDay: number;
  milestones: number;
  projects: number;
  brands: number;
  partners: number;
  switchShare: number;
  effect: PlantedEffect;
  batchMilestones: number;
}

/** Mean milestones per project of the 4-15 distribution in project-schedule.ts. */
export const MILESTONES_PER_PROJECT = 8.3;
const DEFAULT_MILESTONES = 25_000;

function scaled(base: number, milestones: number, min: number): number {
  return Math.max(min, Math.round(base * Math.sqrt(milestones / DEFAULT_MILESTONES)));
}

function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive whole number, got ${value}`);
  }
  return value;
}

export function resolveDemoOptions(options: DemoOptions = {}): ResolvedDemoOptions {
  const milestones = positiveInt('milestones', options.milestones ?? DEFAULT_MILESTONES);
  const asOf = options.asOf ?? '2026-10-31';
  const asOfDay = dayOf(asOf);
  const historyStartDay = dayOf('2021-01-01');
  if (asOfDay < dayOf('2022-07-01'))
    throw new RangeError(`asOf must be 2022-07-01 or later, got ${asOf}`);
  const horizon = options.horizon ?? asOf;
  const horizonDay = dayOf(horizon);
  if (horizonDay < asOfDay) throw new RangeError(`horizon ${horizon} is before asOf ${asOf}`);
  const switchShare = options.switchShare ?? 0.4;
  if (!(switchShare > 0 && switchShare < 1)) throw new RangeError('switchShare must be in (0, 1)');
  const seed = options.seed ?? 42;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  return {
    seed,
    asOf,
    asOfDay,
    horizon,
    horizonDay,
    historyStartDay,
    milestones,
    projects: positiveInt(
      'projects',
      options.projects ?? Math.max(1, Math.round(milestones / MILESTONES_PER_PROJECT)),
    ),
    brands: positiveInt('brands', options.brands ?? scaled(40, milestones, 4)),
    partners: positiveInt('partners', options.partners ?? scaled(150, milestones, 10)),
    switchShare,
    effect: {
      onTimeRelative: options.effect?.onTimeRelative ?? 0.38,
      disputeRelative: options.effect?.disputeRelative ?? -0.22,
    },
    batchMilestones: positiveInt('batchMilestones', options.batchMilestones ?? 50_000),
  };
}
