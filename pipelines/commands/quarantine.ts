import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { listLoads } from '../ingest/history/list-loads.ts';
import { quarantineCsvHeader, quarantineCsvLines } from '../ingest/history/quarantine-csv-lines.ts';
import { loadVisible } from '../ingest/history/quarantine-page.ts';
import { openWarehouse } from '../warehouse/warehouse.ts';
import { UsageError, type Command } from './command.ts';

export const loadsCommand: Command = {
  name: 'loads',
  summary: 'List the load history with its counts, newest first',
  usage: 'milepost loads [--limit N] [--db PATH]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { limit: { type: 'string', default: '20' }, db: { type: 'string' } },
    });
    const warehouse = await openWarehouse(values.db ?? readConfig(process.env).dbPath);
    try {
      const loads = await warehouse.withConnection((c) =>
        listLoads(c, { limit: Number(values.limit) || 20, offset: 0 }),
      );
      for (const l of loads) {
        console.log(
          `${l.loadId}  ${l.status.padEnd(9)} ${l.source}  read ${l.read} = inserted ${l.inserted} + updated ${l.updated} + unchanged ${l.unchanged} + quarantined ${l.quarantined}`,
        );
      }
      if (loads.length === 0) console.log('No loads yet.');
      return 0;
    } finally {
      await warehouse.close();
    }
  },
};

export const quarantineCommand: Command = {
  name: 'quarantine',
  summary: 'Export the rows of a load that were not loaded, as CSV (to a file or stdout)',
  usage: 'milepost quarantine <load-id> [--rule RULE] [--out FILE.csv] [--db PATH]',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { rule: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' } },
    });
    const loadId = positionals[0];
    if (!loadId) throw new UsageError('name the load (see `milepost loads`)');
    const warehouse = await openWarehouse(values.db ?? readConfig(process.env).dbPath);
    try {
      if (!(await warehouse.withConnection((c) => loadVisible(c, loadId))))
        throw new UsageError(`no load ${loadId}`);
      const out = values.out ? createWriteStream(values.out) : process.stdout;
      out.write(`${quarantineCsvHeader}\n`);
      for await (const line of quarantineCsvLines(
        (fn) => warehouse.withConnection(fn),
        loadId,
        values.rule,
      )) {
        if (!out.write(`${line}\n`)) await once(out, 'drain');
      }
      if (values.out) await new Promise<void>((resolve) => out.end(() => resolve()));
      return 0;
    } finally {
      await warehouse.close();
    }
  },
};
