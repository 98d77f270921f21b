// The 10-million-milestone demo warehouse the API bench serves. Built once (about ten minutes and
// ~8 GB of memory on a 2-core machine) into a temporary file that is renamed when the load has
// committed, so an interrupted build is never mistaken for a finished one. Run on its own to
// build it ahead of time: node --import tsx test/bench/api-warehouse.ts [--milestones N]
import { existsSync, renameSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listValue } from '@duckdb/node-api';
import { grains } from '../../pipelines/cube/grains.ts';
import { loadDemo } from '../../pipelines/demo/load-demo.ts';
import { progressBar } from '../../pipelines/progress/progress-bar.ts';
import { queryRow } from '../../pipelines/warehouse/query.ts';
import { refreshMarts } from '../../pipelines/warehouse/refresh-marts.ts';
import { sqlFile } from '../../pipelines/warehouse/sql-file.ts';
import { openWarehouse } from '../../pipelines/warehouse/warehouse.ts';

/** DuckDB may use this much while loading; the machine is shared with other jobs. */
const buildMemoryLimit = '8GB';

export function benchWarehousePath(milestones: number): string {
  const name = milestones % 1_000_000 === 0 ? `${milestones / 1_000_000}m` : String(milestones);
  return new URL(`../../data/bench-api-${name}.duckdb`, import.meta.url).pathname;
}

/** Builds the warehouse unless it is there; returns its path and whether it was built now. */
export async function ensureBenchWarehouse(
  milestones: number,
): Promise<{ path: string; built: boolean }> {
  const path = benchWarehousePath(milestones);
  if (existsSync(path)) {
    await refreshIfMartsMissing(path);
    return { path, built: false };
  }
  // Still a *.duckdb name, so git ignores an interrupted build.
  const tmp = path.replace(/\.duckdb$/, '.building.duckdb');
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const wh = await openWarehouse(tmp);
  const progress = progressBar();
  try {
    await wh.withConnection((c) => c.run(`SET memory_limit = '${buildMemoryLimit}'`));
    const t = performance.now();
    await loadDemo(wh, { milestones, seed: 42 }, progress);
    progress.stop();
    console.error(`built ${path} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  } finally {
    progress.stop();
    await wh.close();
  }
  renameSync(tmp, path);
  return { path, built: true };
}

const martsDir = new URL('../../pipelines/warehouse/marts/', import.meta.url);
const cellMarts = ['kpi_cells.sql', 'kpi_hist.sql', 'data_version.sql'];

/** A warehouse built before a mart or a grain was added gets its marts rebuilt once. */
async function refreshIfMartsMissing(path: string): Promise<void> {
  const wh = await openWarehouse(path);
  try {
    await wh.withConnection(async (c) => {
      const tables = await queryRow<{ n: number }>(
        c,
        `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'kpi_cells'`,
      );
      const names = grains.map((g) => g.name);
      const found =
        (tables?.n ?? 0) > 0
          ? await queryRow<{ n: number }>(
              c,
              `SELECT count(DISTINCT grain)::INTEGER AS n FROM kpi_cells
               WHERE grain IN (SELECT unnest($names::VARCHAR[]))`,
              { names: listValue(names) },
            )
          : undefined;
      if ((found?.n ?? 0) === names.length) return;
      console.error('refreshing the marts of the bench warehouse ...');
      await c.run(`SET memory_limit = '${buildMemoryLimit}'`);
      await c.run('BEGIN TRANSACTION');
      // A new grain needs only the cell marts again, not the 10M-row facts they come from.
      if (found) for (const f of cellMarts) await c.run(sqlFile(martsDir, f));
      else await refreshMarts(c);
      await c.run('COMMIT');
    });
  } finally {
    await wh.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { milestones: { type: 'string', default: '10000000' } },
  });
  const result = await ensureBenchWarehouse(Number(values.milestones));
  console.log(JSON.stringify(result));
}
