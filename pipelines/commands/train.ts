import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { trainAndStore } from '../models/train-and-store.ts';
import { ensureMartsCurrent } from '../warehouse/marts-queue.ts';
import { openWarehouse } from '../warehouse/warehouse.ts';
import type { Command } from './command.ts';

export const trainCommand: Command = {
  name: 'train',
  summary: 'Fit the delivery and risk models on the warehouse and store them as a new version',
  usage: 'milepost train [--as-of YYYY-MM-DD] [--db PATH]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { 'as-of': { type: 'string' }, db: { type: 'string' } },
    });
    const warehouse = await openWarehouse(values.db ?? readConfig(process.env).dbPath);
    await ensureMartsCurrent(warehouse);
    try {
      const t0 = performance.now();
      const s = await warehouse.withConnection((conn) =>
        trainAndStore(conn, {
          ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
          onStep: (step) =>
            console.error(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${step}`),
        }),
      );
      console.log(
        `Model version ${s.version}: trained on ${s.rows} milestones as of ${s.asOf} in ${s.seconds.toFixed(1)} s.`,
      );
      return 0;
    } finally {
      await warehouse.close();
    }
  },
};
