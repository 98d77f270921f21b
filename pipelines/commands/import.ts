import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import type { ImportCounts } from '../ingest/load/import-counts.ts';
import { importFile } from '../ingest/load/import-file.ts';
import { loadMapping } from '../ingest/mapping/load-mapping.ts';
import { progressBar } from '../progress/progress-bar.ts';
import { ensureMartsCurrent } from '../warehouse/marts-queue.ts';
import { openWarehouse } from '../warehouse/warehouse.ts';
import { UsageError, type Command } from './command.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import files through a mapping; bad rows are quarantined with their reasons',
  usage:
    'milepost import <files...> --mapping <name|file.json|file.yaml> [--join FILE] [--brand ID] [--dry-run] [--as-of YYYY-MM-DD] [--db PATH]\n' +
    '  --join FILE  the second file of a mapping that joins two files on a key (default: the\n' +
    "               mapping's join.file, beside each file imported)",
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        mapping: { type: 'string' },
        join: { type: 'string' },
        brand: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'as-of': { type: 'string' },
        db: { type: 'string' },
      },
    });
    if (!values.mapping) throw new UsageError('--mapping is required');
    if (positionals.length === 0) throw new UsageError('name at least one file to import');
    const mapping = loadMapping(values.mapping);
    if (values.join && !mapping.join) {
      throw new UsageError(
        `--join: mapping '${mapping.name}' joins no second file (no "join" section)`,
      );
    }
    const warehouse = await openWarehouse(values.db ?? readConfig(process.env).dbPath);
    if (await ensureMartsCurrent(warehouse))
      console.error('The marts missed the last load: rebuilt.');
    let failed = 0;
    try {
      for (const file of positionals) {
        const progress = progressBar();
        try {
          const result = await importFile(warehouse, file, {
            mapping,
            brand: values.brand,
            joinFile: values.join,
            dryRun: values['dry-run'],
            asOf: values['as-of'],
            onProgress: progress,
          });
          progress.stop();
          console.log(summary(file, result.loadId, result.counts, result.dryRun));
          for (const w of result.warnings) console.log(`  warning: ${w}`);
        } catch (err) {
          progress.stop();
          failed += 1;
          console.error(
            `${file}: the load failed and nothing was changed: ${(err as Error).message}`,
          );
        }
      }
    } finally {
      await warehouse.close();
    }
    return failed > 0 ? 1 : 0;
  },
};

function summary(file: string, loadId: string, c: ImportCounts, dryRun: boolean): string {
  const n = (x: number) => x.toLocaleString('en');
  const rules = Object.entries(c.byRule)
    .sort((a, b) => b[1] - a[1])
    .map(([rule, k]) => `    ${rule.padEnd(28)} ${n(k)}`);
  return [
    `${file}${dryRun ? ' (dry run: nothing was written)' : ` -> load ${loadId}`}`,
    `  read ${n(c.read)} = inserted ${n(c.inserted)} + updated ${n(c.updated)} + unchanged ${n(c.unchanged)} + quarantined ${n(c.quarantined)}`,
    ...(rules.length ? ['  quarantined by rule:', ...rules] : []),
  ].join('\n');
}
