// Streams the same generated data set into one CSV file per table (header row first) for import
// benchmarks, plus demo_truth.json. Text is written in chunks of about 1 MB and the writer waits
// for 'drain' whenever a stream's buffer is full, so memory stays flat for any size.
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { CSV_EOL, csvCell } from './csv-format.ts';
import type { DemoOptions } from './demo-options.ts';
import type { OnDemoProgress } from './demo-progress.ts';
import { batchTables, demoTableNames, demoTableSpecs, referenceTables } from './demo-tables.ts';
import type { DemoTableName, TableRows } from './demo-tables.ts';
import type { DemoTruth } from './demo-truth.ts';
import { addTally, emptyTally } from './effect-tally.ts';
import { createDemoDataset } from './generate-demo.ts';

export interface WriteDemoCsvResult {
  /** Absolute or relative paths as given by `dir`, one per table. */
  readonly files: Readonly<Record<DemoTableName, string>>;
  readonly rows: Readonly<Record<DemoTableName, number>>;
  readonly truth: DemoTruth;
}

const CHUNK_CHARS = 1 << 20;

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function writeRows(stream: WriteStream, table: TableRows): Promise<void> {
  const columns = table.spec.columns;
  let chunk = '';
  for (const row of table.rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      if (!c) continue;
      line += (i > 0 ? ',' : '') + csvCell(c.kind, c.get(row as never));
    }
    chunk += line + CSV_EOL;
    if (chunk.length >= CHUNK_CHARS) {
      await write(stream, chunk);
      chunk = '';
    }
  }
  if (chunk.length > 0) await write(stream, chunk);
}

async function closeAll(streams: Iterable<WriteStream>): Promise<void> {
  await Promise.all(
    [...streams].map(
      (s) =>
        new Promise<void>((resolve, reject) => {
          s.end((err?: Error | null) => (err ? reject(err) : resolve()));
        }),
    ),
  );
}

export async function writeDemoCsv(
  dir: string,
  options: DemoOptions = {},
  onProgress?: OnDemoProgress,
): Promise<WriteDemoCsvResult> {
  await mkdir(dir, { recursive: true });
  const dataset = createDemoDataset(options);
  const files = Object.fromEntries(demoTableNames.map((n) => [n, join(dir, `${n}.csv`)])) as Record<
    DemoTableName,
    string
  >;
  const rows = Object.fromEntries(demoTableNames.map((n) => [n, 0])) as Record<
    DemoTableName,
    number
  >;
  const streams = new Map<string, WriteStream>();
  try {
    for (const name of demoTableNames) {
      const stream = createWriteStream(files[name]);
      streams.set(demoTableSpecs[name].table, stream);
      await write(stream, demoTableSpecs[name].columns.map((c) => c.name).join(',') + CSV_EOL);
    }
    const writeTables = async (tables: readonly TableRows[]): Promise<void> => {
      for (const t of tables) {
        const stream = streams.get(t.spec.table);
        if (!stream) throw new Error(`no CSV stream for ${t.spec.table}`);
        await writeRows(stream, t);
        rows[t.spec.table as DemoTableName] += t.rows.length;
      }
    };
    onProgress?.({ phase: 'reference', done: 0, total: 1 });
    await writeTables(referenceTables(dataset.reference));
    const tally = emptyTally();
    for (const batch of dataset.batches()) {
      await writeTables(batchTables(batch));
      addTally(tally, batch.tally);
      onProgress?.({
        phase: 'generate',
        done: batch.projectsDone,
        total: dataset.options.projects,
      });
    }
    const truth = dataset.truth(tally);
    await writeFile(join(dir, 'demo_truth.json'), JSON.stringify(truth, null, 2));
    onProgress?.({ phase: 'done', done: 1, total: 1 });
    return { files, rows, truth };
  } finally {
    await closeAll(streams.values());
  }
}
