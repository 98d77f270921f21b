import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../../pipelines/ingest/load/import-file.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { csvFile, dir, erpMapping, header, snapshot } from './import-helpers.ts';

const ok = ['M1', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '100', 'planned'];

function rawFile(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// Broken as a whole: the load fails with a clear code and message, and nothing changes.
const wholeFile: [string, () => string, string][] = [
  ['an empty file', () => rawFile('empty.csv', ''), 'empty_file'],
  [
    'a truncated file (open quote at the end)',
    () => rawFile('trunc.csv', `${header.join(',')}\n${ok.join(',')}\nM2,"P1,creat`),
    'truncated_file',
  ],
  [
    'mixed encodings',
    () =>
      rawFile(
        'mixed.csv',
        Buffer.concat([
          Buffer.from(
            `${header.join(',')}\n${ok.join(',')}\n中文,P1,creative,2024-03-01,2024-03-10,,1,planned\n`,
          ),
          Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x0a]),
        ]),
      ),
    'mixed_or_unknown_encoding',
  ],
  [
    'a missing required column',
    () => csvFile('nodue.csv', [header.filter((h) => h !== 'due'), ok.filter((_, i) => i !== 4)]),
    'missing_column',
  ],
];

describe('the broken-file corpus', () => {
  let wh: Warehouse;
  let before = '';
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await importFile(wh, csvFile('seed.csv', [header, ok]), { mapping: erpMapping });
    before = await snapshot(wh);
  });
  afterAll(() => wh.close());

  it.each(wholeFile)(
    '%s fails with a clear message and changes nothing',
    async (_what, make, code) => {
      const err = await importFile(wh, make(), { mapping: erpMapping }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code });
      expect((err as Error).message.length).toBeGreaterThan(20);
      expect(await snapshot(wh)).toBe(before);
    },
  );

  it('a declared delimiter that the file does not use fails and names the right one', async () => {
    const mapping = { ...erpMapping, source: { ...erpMapping.source, delimiter: ',' } };
    const file = rawFile('semi.csv', `${header.join(';')}\n${ok.join(';')}\n`);
    const err = await importFile(wh, file, { mapping }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'wrong_delimiter' });
    expect((err as Error).message).toContain(';');
    expect(await snapshot(wh)).toBe(before);
  });

  it('an undeclared semicolon delimiter is detected and the file loads', async () => {
    const file = rawFile(
      'semi-auto.csv',
      `${header.join(';')}\n${['S1', ...ok.slice(1)].join(';')}\n`,
    );
    const r = await importFile(wh, file, { mapping: erpMapping });
    expect(r.counts).toMatchObject({ read: 1, inserted: 1 });
  });

  it('a 10 MB single line is quarantined as a malformed row, nothing else is touched', async () => {
    const file = rawFile('long.csv', `${header.join(',')}\n${'x'.repeat(10 * 1024 * 1024)}\n`);
    const r = await importFile(wh, file, { mapping: erpMapping });
    expect(r.counts.read).toBe(1);
    expect(r.counts.inserted).toBe(0);
    expect(r.counts.quarantined).toBe(1);
  });

  it('a file with only a header loads nothing and reports zero rows', async () => {
    const r = await importFile(wh, csvFile('header.csv', [header]), { mapping: erpMapping });
    expect(r.counts).toMatchObject({ read: 0, inserted: 0, quarantined: 0 });
  });

  it('bad rows are quarantined one by one with their reasons, the rest loads', async () => {
    const r = await importFile(
      wh,
      csvFile('rows.csv', [
        header,
        ['B1', 'P1', 'creative', '2024-03-01', '2024-13-01', '', '1', 'planned'],
        ['B2', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '-1', 'planned'],
        ['B3', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '@SUM(1)', 'planned'],
        ['B4', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '1', 'planned'],
        ['B4', 'P2', 'creative', '2024-03-01', '2024-03-10', '', '1', 'planned'],
        ['B5', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '1', 'planned'],
      ]),
      { mapping: erpMapping },
    );
    expect(r.counts).toMatchObject({
      read: 6,
      inserted: 1,
      quarantined: 5,
      byRule: { impossible_date: 1, negative_amount: 1, formula_like: 1, duplicate_key: 2 },
    });
  });
});
