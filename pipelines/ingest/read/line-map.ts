import { fileChunks } from './file-chunks.ts';
import { RecordScanner, type ScanBytes } from './record-scanner.ts';

/** From staged row `row` (0-based, file order) on, `source_line = row + delta`. */
export interface Breakpoint {
  row: number;
  delta: number;
}

export interface LineMap {
  breakpoints: Breakpoint[];
  /** Physical line of each reject, in the order given. */
  rejectLines: number[];
  /** Rows the scan found staged; must equal DuckDB's count or the map is not trusted. */
  staged: number;
  /** Index of the reject that runs to the end of the file inside quotes, or -1. */
  unterminatedReject: number;
}

/**
 * Walks the record starts of the file DuckDB read: records before `firstDataRecord` are the
 * skipped rows and the header; a data record that holds the byte position of a reject is the
 * rejected row (DuckDB reports positions at, or one byte after, the record start); every other
 * data record is the next staged row.
 */
export async function mapSourceLines(
  path: string,
  scan: ScanBytes & { skipBom: boolean; firstDataRecord: number },
  rejectPositions: readonly number[],
): Promise<LineMap> {
  const map: LineMap = { breakpoints: [], rejectLines: [], staged: 0, unterminatedReject: -1 };
  let index = -1;
  let pending: { line: number; offset: number } | undefined;
  let lastRejected = false;
  const settle = (nextOffset: number) => {
    if (pending === undefined) return;
    lastRejected = settleRecord(map, pending.line, nextOffset, rejectPositions);
  };
  const scanner = new RecordScanner(
    scan,
    (line, offset) => {
      index += 1;
      if (index < scan.firstDataRecord) return;
      settle(offset);
      pending = { line, offset };
    },
    scan.skipBom,
  );
  for await (const chunk of fileChunks(path)) scanner.feed(chunk);
  settle(Number.POSITIVE_INFINITY);
  const end = scanner.finish();
  if (end.endedInQuotes && pending?.offset === end.lastStart && lastRejected) {
    map.unterminatedReject = map.rejectLines.length - 1;
  }
  return map;
}

/** Files a finished record: rejected if a reject position lies before the next record's start. */
function settleRecord(
  map: LineMap,
  line: number,
  nextOffset: number,
  rejects: readonly number[],
): boolean {
  let rejected = false;
  while (
    map.rejectLines.length < rejects.length &&
    (rejects[map.rejectLines.length] ?? 0) < nextOffset
  ) {
    map.rejectLines.push(line);
    rejected = true;
  }
  if (rejected) return true;
  const delta = line - map.staged;
  const last = map.breakpoints[map.breakpoints.length - 1];
  if (last === undefined || last.delta !== delta) map.breakpoints.push({ row: map.staged, delta });
  map.staged += 1;
  return false;
}
