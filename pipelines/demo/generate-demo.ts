// The generator's entry point: the reference tables up front, then the contracts in batches of
// about `batchMilestones` milestones. Nothing is kept between batches except counters, so a run
// of ten million milestones needs the memory of one batch.
import { emptyBatch } from './demo-batch.ts';
import type { DemoBatch, DemoReference } from './demo-batch.ts';
import { createDemoContext } from './demo-context.ts';
import type { DemoContext } from './demo-context.ts';
import type { DemoOptions, ResolvedDemoOptions } from './demo-options.ts';
import { demoTruth } from './demo-truth.ts';
import type { DemoTruth } from './demo-truth.ts';
import { appendContract } from './contract-unit.ts';
import type { EffectTally } from './effect-tally.ts';

export interface DemoDataset {
  readonly options: ResolvedDemoOptions;
  readonly reference: DemoReference;
  /** The contracts in batches; each call starts over and yields the same batches. */
  batches(): Generator<DemoBatch, void, undefined>;
  /** The planted truth, given the tally summed over all batches. */
  truth(tally: EffectTally): DemoTruth;
}

function* batchesOf(ctx: DemoContext): Generator<DemoBatch, void, undefined> {
  const { projects, batchMilestones } = ctx.options;
  let done = 0;
  let contract = 0;
  for (let index = 0; done < projects; index++) {
    const batch = emptyBatch(index);
    while (batch.milestones.length < batchMilestones && done < projects) {
      done += appendContract(ctx, contract, done, projects - done, batch);
      contract += 1;
    }
    batch.projectsDone = done;
    yield batch;
  }
}

export function createDemoDataset(options: DemoOptions = {}): DemoDataset {
  const ctx = createDemoContext(options);
  return {
    options: ctx.options,
    reference: {
      brands: ctx.brands.map((b) => b.record),
      partners: ctx.partners.map((p) => p.record),
      // A switch after asOf has not happened yet as far as the data knows.
      policyChanges: ctx.policy.changes.filter((c) => c.changeDate <= ctx.options.asOf),
      fxRates: ctx.fxRates,
    },
    batches: () => batchesOf(ctx),
    truth: (tally) => demoTruth(ctx, tally),
  };
}
