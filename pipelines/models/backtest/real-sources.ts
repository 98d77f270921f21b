import { repoRoot } from '../../config.ts';
import { importFile } from '../../ingest/load/import-file.ts';
import { loadMapping } from '../../ingest/mapping/load-mapping.ts';
import type { Mapping } from '../../ingest/mapping/mapping-schema.ts';
import { openWarehouse, type Warehouse } from '../../warehouse/warehouse.ts';

/** The real public datasets (../shared/data/real) and how each is imported. */
export interface RealSource {
  name: string;
  mapping: string;
  /** Files relative to the dataset folder, each with the brand it is loaded as. */
  files: { path: string; brand?: string }[];
  /** Status date of the data (the snapshot the dataset was taken at). */
  asOf: string;
  /** Changes to the shipped mapping for the backtest's protocol. */
  adjustMapping?: (mapping: Mapping) => Mapping;
}

const trackers = ['apache', 'duraspace', 'javanet', 'jboss', 'jira'] as const;
export type IssueSnapshot = 'due' | 'creation' | 'discussion';

export function delayedIssuesSource(snapshot: IssueSnapshot, only?: string): RealSource {
  const names = only ? trackers.filter((t) => t === only) : trackers;
  return {
    name: only ? `delayed-issues-${only}-${snapshot}` : `delayed-issues-${snapshot}`,
    mapping: 'delayed-issues',
    files: names.map((t) => ({ path: `delayed_issues/${t}_${snapshot}.csv`, brand: t })),
    // Every issue is resolved, but two (TIKA-1109, GLASSFISH-16592) have a due date, hence an
    // approval, in 2019-2020: a status date after them keeps all 34,245 issues.
    asOf: '2020-12-31',
  };
}

export const realSources: Record<string, RealSource> = {
  sip: {
    name: 'sip',
    mapping: 'sip',
    files: [{ path: 'sip/Sip-task-info.csv' }],
    asOf: '2014-12-31',
    // The protocol keeps one row per TaskNumber. Two tasks (11131, 13792) repeat with a
    // different Summary, which the importer rightly quarantines as a key clash; the summary is
    // not a feature, so the backtest names tasks by number and keeps all 10,099.
    adjustMapping: (m) => ({ ...m, fields: { ...m.fields, name: { column: 'TaskNumber' } } }),
  },
  adb: {
    name: 'adb',
    mapping: 'adb',
    files: [{ path: 'adb/adb_success_rate.csv' }],
    asOf: '2020-01-01',
  },
  nyc: {
    name: 'nyc',
    mapping: 'nyc',
    files: [{ path: 'nyc/NYC_capital_projects_20190901.csv' }],
    asOf: '2019-09-01',
  },
};

export function realDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MILEPOST_REAL_DATA ?? `${repoRoot}../shared/data/real/`;
}

/** Imports a real dataset through the real importer into a fresh in-memory warehouse. */
export async function importRealSource(
  source: RealSource,
  options: { dataDir?: string; onFile?: (file: string, counts: unknown) => void } = {},
): Promise<Warehouse> {
  const dir = options.dataDir ?? realDataDir();
  const warehouse = await openWarehouse(':memory:');
  try {
    const shipped = loadMapping(source.mapping);
    const mapping = source.adjustMapping ? source.adjustMapping(shipped) : shipped;
    for (const f of source.files) {
      const result = await importFile(warehouse, `${dir}${f.path}`, {
        mapping,
        brand: f.brand,
        asOf: source.asOf,
      });
      options.onFile?.(f.path, result.counts);
    }
    return warehouse;
  } catch (err) {
    await warehouse.close();
    throw err;
  }
}
