import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleRecords } from '../../../../pipelines/ingest/read/sample-records.ts';
import { csvRecords, toCsv } from './random-csv.ts';
import { stage, tempFiles, useConnection } from './read-helpers.ts';

const files = tempFiles();
const conn = useConnection();

describe('stageFile against random CSV', () => {
  it('stages every value DuckDB reads, at the physical line where its record starts', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        csvRecords,
        fc.constantFrom('\n', '\r\n', '\n\n'),
        async (records, lineBreak) => {
          const text = toCsv([['h1', 'h2', 'h3'], ...records], [lineBreak]);
          const file = files.file(`random-${n++}.csv`, text);
          const { result, rows } = await stage(conn(), file, { format: 'csv', delimiter: ',' });
          const expected = sampleRecords(text, { delimiter: ',', quote: '"' }, true, 1000)
            .records.filter((r) => !r.blank)
            .slice(1);
          expect(result.rejects).toEqual([]);
          expect(rows.map((r) => r.source_line)).toEqual(expected.map((r) => r.line));
          const nullIfEmpty = (v: string) => (v === '' ? null : v);
          expect(rows.map((r) => [r.h1, r.h2, r.h3])).toEqual(
            expected.map((r) => r.fields.map(nullIfEmpty)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
