// The records one batch of contracts produces, table by table. Batches are appended and then
// dropped, so memory holds one batch at a time whatever the size of the run.
import type {
  Brand,
  Contract,
  Dispute,
  FxRate,
  Milestone,
  MilestoneDependency,
  MilestoneEvent,
  Partner,
  Payment,
  PolicyChange,
  Project,
} from '../schema/records.ts';
import { emptyTally } from './effect-tally.ts';
import type { EffectTally } from './effect-tally.ts';

export interface DemoReference {
  readonly brands: readonly Brand[];
  readonly partners: readonly Partner[];
  readonly policyChanges: readonly PolicyChange[];
  readonly fxRates: readonly FxRate[];
}

export interface DemoBatch {
  readonly index: number;
  /** Projects generated so far, including this batch. */
  projectsDone: number;
  readonly contracts: Contract[];
  readonly projects: Project[];
  readonly milestones: Milestone[];
  readonly dependencies: MilestoneDependency[];
  readonly events: MilestoneEvent[];
  readonly payments: Payment[];
  readonly disputes: Dispute[];
  readonly tally: EffectTally;
}

export function emptyBatch(index: number): DemoBatch {
  return {
    index,
    projectsDone: 0,
    contracts: [],
    projects: [],
    milestones: [],
    dependencies: [],
    events: [],
    payments: [],
    disputes: [],
    tally: emptyTally(),
  };
}
