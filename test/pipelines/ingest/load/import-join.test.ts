import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../pipelines/cli.ts';
import { reconciles } from '../../../../pipelines/ingest/load/import-counts.ts';
import { importFile } from '../../../../pipelines/ingest/load/import-file.ts';
import { MappingError, parseMapping } from '../../../../pipelines/ingest/mapping/load-mapping.ts';
import type { MappingInput } from '../../../../pipelines/ingest/mapping/mapping-schema.ts';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { csvFile, dir, snapshot } from './import-helpers.ts';

// Tasks (one row per task x developer, like the SiP export) and their dates in a second file.
const tasks = [
  ['Task', 'Owner', 'Hours'],
  ['T1', 'dev1', '16'],
  ['T1', 'dev1', '16'], // an identical copy: unchanged
  ['T2', 'dev2', '8'],
  ['T3', 'dev1', '4'], // two different rows in the dates file: ambiguous
  ['T4', 'dev2', '4'], // no dates: unmatched
  ['T5', 'dev2', '8'], // no Started: planned start falls back to Estimated
];
const dates = [
  ['Task', 'Estimated', 'Started', 'Completed'],
  ['T1', '01-Mar-24', '04-Mar-24', '08-Mar-24'],
  ['T1', '01-Mar-24', '04-Mar-24', '08-Mar-24'],
  [' T2 ', '02-Mar-24', '05-Mar-24', ''],
  ['T3', '03-Mar-24', '06-Mar-24', ''],
  ['T3', '03-Mar-24', '07-Mar-24', ''],
  ['T5', '04-Mar-24', '', '12-Mar-24'],
];

const date = { kind: 'date', format: 'dd-Mon-yy' } as const;
const base: MappingInput = {
  name: 'tasks',
  brand: { constant: 'acme' },
  source: { format: 'csv', encoding: 'utf-8' },
  join: { file: 'dates.csv', on: ['Task'], required: true },
  fields: {
    milestoneId: { column: 'Task' },
    partnerId: { column: 'Owner' },
    plannedStart: {
      column: 'Started',
      transform: date,
      fallback: { column: 'Estimated', transform: date },
    },
    baselineDue: { addDays: 'plannedStart', days: [{ column: 'Hours' }], scale: 0.125 },
    approvedDate: { column: 'Completed', transform: date },
  },
  attributes: { estimateOn: { column: 'Estimated', transform: date } },
};
const mapping = (patch: Partial<MappingInput> = {}) => parseMapping({ ...base, ...patch });

describe('importing two files joined on a key', () => {
  let wh: Warehouse;
  let first: string;
  beforeEach(async () => {
    wh = await openWarehouse(':memory:');
    first = csvFile('tasks.csv', tasks);
    csvFile('dates.csv', dates);
  });
  afterEach(() => wh.close());

  it('adds the second file’s columns to every row; ambiguous and unmatched keys are quarantined', async () => {
    const r = await importFile(wh, first, { mapping: mapping() });
    expect(reconciles(r.counts)).toBe(true);
    expect(r.counts).toMatchObject({ read: 6, inserted: 3, unchanged: 1, quarantined: 2 });
    expect(r.counts.byRule).toEqual({ join_ambiguous: 1, join_unmatched: 1 });
    const rows = await wh.withConnection((c) =>
      queryRows(
        c,
        `SELECT m.milestone_id, m.planned_start, m.baseline_due, f.approved_date,
                m.attributes->>'estimateOn' AS estimate_on
         FROM milestones m JOIN milestone_facts f USING (milestone_id) ORDER BY 1`,
      ),
    );
    expect(rows).toEqual([
      {
        milestone_id: 'T1',
        planned_start: '2024-03-04',
        baseline_due: '2024-03-06',
        approved_date: '2024-03-08',
        estimate_on: '2024-03-01',
      },
      {
        milestone_id: 'T2',
        planned_start: '2024-03-05',
        baseline_due: '2024-03-06',
        approved_date: null,
        estimate_on: '2024-03-02',
      },
      {
        milestone_id: 'T5',
        planned_start: '2024-03-04',
        baseline_due: '2024-03-05',
        approved_date: '2024-03-12',
        estimate_on: '2024-03-04',
      },
    ]);
    const q = await wh.withConnection((c) =>
      queryRows(
        c,
        `SELECT source_line::INTEGER AS line, rule, column_name, value, row_data->>'Started' AS started
         FROM quarantine ORDER BY line`,
      ),
    );
    expect(q).toEqual([
      { line: 5, rule: 'join_ambiguous', column_name: 'Task', value: 'T3', started: '06-Mar-24' },
      { line: 6, rule: 'join_unmatched', column_name: 'Task', value: 'T4', started: null },
    ]);
  });

  it('keeps rows without a match when the join is not required', async () => {
    const r = await importFile(wh, first, {
      mapping: mapping({ join: { file: 'dates.csv', on: ['Task'] } }),
    });
    // T4 has no planned start and so no baseline due date: missing_required, not join_unmatched.
    expect(r.counts.byRule).toEqual({ join_ambiguous: 1, missing_required: 1 });
  });

  it('takes the second file from --join, and refuses a missing one without changing anything', async () => {
    const other = csvFile('other-dates.csv', dates);
    const noFile = mapping({ join: { on: ['Task'], required: true } });
    const r = await importFile(wh, first, { mapping: noFile, joinFile: other });
    expect(r.counts.inserted).toBe(3);
    const before = await snapshot(wh);
    await expect(importFile(wh, first, { mapping: noFile })).rejects.toMatchObject({
      code: 'join_file_missing',
      message: expect.stringContaining('--join FILE'),
    });
    const gone = mapping({ join: { file: 'nowhere.csv', on: ['Task'] } });
    await expect(importFile(wh, first, { mapping: gone })).rejects.toMatchObject({
      code: 'join_file_missing',
      message: expect.stringContaining('nowhere.csv'),
    });
    expect(await snapshot(wh)).toBe(before);
  });

  it('names the file without the key, and asks for a prefix when both files have a column', async () => {
    const noKey = csvFile('nokey.csv', [
      ['Id', 'Started'],
      ['T1', '04-Mar-24'],
    ]);
    await expect(
      importFile(wh, first, { mapping: mapping(), joinFile: noKey }),
    ).rejects.toMatchObject({
      code: 'missing_column',
      message: expect.stringContaining("nokey.csv has no column 'Task' to join on"),
    });
    const clash = csvFile('clash.csv', [
      ['Task', 'Owner', 'Started'],
      ['T1', 'x', '04-Mar-24'],
    ]);
    await expect(
      importFile(wh, first, { mapping: mapping(), joinFile: clash }),
    ).rejects.toMatchObject({
      code: 'join_column_clash',
      message: expect.stringContaining("Both files have a column 'Owner'; set join.prefix"),
    });
  });

  it('validates the join section with clear messages', () => {
    const bad = (join: unknown) => () => parseMapping({ ...base, join });
    expect(bad({ on: [] })).toThrow(/join\.on: join\.on must name at least one key column/);
    expect(bad({ on: ['Task', 'Task'] })).toThrow(/join\.on: join\.on names a column twice/);
    expect(bad({ on: ['Task'], file: '' })).toThrow(
      /join\.file: join\.file must name the second file/,
    );
    expect(bad({ on: ['Task'], typo: 1 })).toThrow(MappingError);
  });

  it('milepost import --join FILE joins the second file named on the command line', async () => {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
    const err = vi.spyOn(console, 'error').mockImplementation((m: string) => void out.push(m));
    try {
      const file = join(dir, 'join-mapping.json');
      writeFileSync(file, JSON.stringify({ ...base, join: { on: ['Task'], required: true } }));
      const other = csvFile('cli-dates.csv', dates);
      const db = join(dir, 'join-cli.duckdb');
      expect(await main(['import', first, '--mapping', file, '--join', other, '--db', db])).toBe(0);
      expect(out.join('\n')).toContain(
        'read 6 = inserted 3 + updated 0 + unchanged 1 + quarantined 2',
      );
      expect(await main(['import', first, '--mapping', file, '--db', db])).toBe(1);
      expect(out.join('\n')).toMatch(/nothing was changed: .*--join FILE/);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});
