import { existsSync, rmSync } from 'node:fs';
import { totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { measureCalibration, outsideTargets } from '../demo/calibration.ts';
import { demoMemoryLimit } from '../demo/demo-memory.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { estimatePolicyDid } from '../demo/policy-did.ts';
import { writeDemoCsv } from '../demo/write-demo-csv.ts';
import { progressBar } from '../progress/progress-bar.ts';
import { hasData } from '../warehouse/has-data.ts';
import { openWarehouse } from '../warehouse/warehouse.ts';
import { UsageError, type Command } from './command.ts';

function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} must be a positive whole number, got '${raw}'`);
  return n;
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Generate the seeded demo data set into a warehouse (or as CSV files)',
  usage: 'milepost demo [--scale MILESTONES] [--seed N] [--db PATH] [--replace] [--csv DIR]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        db: { type: 'string' },
        replace: { type: 'boolean', default: false },
        csv: { type: 'string' },
      },
    });
    const config = readConfig(process.env);
    const milestones = wholeNumber('scale', values.scale, config.demoMilestones);
    const seed = wholeNumber('seed', values.seed, config.demoSeed);
    const progress = progressBar();
    const started = performance.now();
    if (values.csv) {
      const result = await writeDemoCsv(values.csv, { milestones, seed }, progress);
      progress.stop();
      console.log(`Wrote ${JSON.stringify(result.rows)} to ${values.csv} in ${seconds(started)} s`);
      return 0;
    }
    const dbPath = values.db ?? config.dbPath;
    if (values.replace && existsSync(dbPath)) {
      rmSync(dbPath);
      rmSync(`${dbPath}.wal`, { force: true });
    }
    const memoryLimit = demoMemoryLimit(milestones, process.env, totalmem());
    if (memoryLimit) console.log(`DuckDB may use ${memoryLimit} for this load (demo-memory.ts)`);
    const warehouse = await openWarehouse(dbPath, memoryLimit ? { memoryLimit } : {});
    try {
      if (await warehouse.withConnection((c) => hasData(c))) {
        throw new UsageError(`${dbPath} already holds data: pass --replace to start it afresh`);
      }
      const result = await loadDemo(warehouse, { milestones, seed }, progress);
      progress.stop();
      const figures = await warehouse.withConnection((c) => measureCalibration(c));
      console.log(
        `Loaded ${result.rows.milestones.toLocaleString('en')} milestones into ${dbPath} in ${seconds(started)} s`,
      );
      console.log(`Calibration: ${JSON.stringify(figures)}`);
      const did = await warehouse.withConnection((c) => estimatePolicyDid(c));
      const planted = result.truth.policyEffect;
      console.log(
        `Planted policy effect: on-time ${pct(planted.onTimeRelative)}, disputes ${pct(planted.disputeRelative)}; ` +
          `recovered by difference-in-differences: on-time ${pct(did.onTime.relative)}, disputes ${pct(did.dispute.relative)} ` +
          `(naive before/after: ${pct(did.onTime.naive)}, ${pct(did.dispute.naive)})`,
      );
      const off = outsideTargets(figures);
      if (off.length) console.log(`Outside the calibration targets: ${off.join(', ')}`);
      return 0;
    } finally {
      progress.stop();
      await warehouse.close();
    }
  },
};

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
