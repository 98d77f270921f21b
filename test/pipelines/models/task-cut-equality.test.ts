// The training rows are cut with plain loops (counting sort by day, one parsed date per distinct
// day, landmark events by table row): the same rows, order and values as the row-by-row code
// they replace, kept here as the oracle (makeTask) or as hashes it printed (landmark plans).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../pipelines/demo/index.ts';
import {
  landmarkSplits,
  type LandmarkSplit,
} from '../../../pipelines/models/backtest/landmark-split.ts';
import { makeTask, type Task, type TaskSpec } from '../../../pipelines/models/backtest/tasks.ts';
import { timeOrderedSplit, type TimeSplit } from '../../../pipelines/models/backtest/time-split.ts';
import { landmarkEvents } from '../../../pipelines/models/features/landmark-events.ts';
import {
  planLandmarks,
  withLandmarks,
  type LandmarkPlan,
  type LandmarkTable,
} from '../../../pipelines/models/features/landmark-rows.ts';
import {
  landmarkFeatures,
  milestoneTable,
  type MilestoneTable,
} from '../../../pipelines/models/features/milestone-table.ts';
import { openWarehouse, type Warehouse } from '../../../pipelines/warehouse/warehouse.ts';

/** makeTask as it was (closures, a comparator sort, Date.parse per row). */
function oracleTask(table: MilestoneTable, spec: TaskSpec): Task {
  const time = spec.time ?? table.time;
  const usable = Int32Array.from(time.keys()).filter(
    (i) => Number.isFinite(spec.y[i]) && Number.isFinite(time[i]),
  );
  const tie = spec.tieBreak ?? Float64Array.from(time.keys());
  const rows = usable.sort((a, b) => time[a]! - time[b]! || tie[a]! - tie[b]! || a - b);
  const keep = (k: string) => !(spec.drop ?? []).includes(k) && (spec.keep?.(k) ?? true);
  const pick = (a: Float64Array) => Float64Array.from(rows, (r) => a[r] ?? NaN);
  const dayOf = (iso: string | null) => (iso ? Date.parse(`${iso}T00:00:00Z`) / 86_400_000 : NaN);
  const known = table.meta.approved.map(dayOf);
  const labels = (a: readonly string[]) => Array.from(rows, (r) => a[r] ?? '');
  return {
    source: spec.source,
    kind: spec.kind,
    target: spec.target,
    rows,
    y: pick(spec.y),
    time: pick(time),
    knownAt: Float64Array.from(rows, (r) => known[r] ?? NaN),
    numeric: new Map(
      [...table.features.numeric].filter(([k]) => keep(k)).map(([k, v]) => [k, pick(v)]),
    ),
    categorical: new Map(
      [...table.features.categorical]
        .filter(([k]) => keep(k))
        .map(([k, v]) => [
          k,
          { codes: Int32Array.from(rows, (r) => v.codes[r] ?? -1), levels: v.levels },
        ]),
    ),
    referenceGroup: labels(spec.referenceGroup ?? table.referenceGroup),
    ...(spec.conformalGroup ? { conformalGroup: labels(spec.conformalGroup) } : {}),
  };
}

/** landmarkSplits as it was (Maps from row to position and side, spread arrays). */
function oracleSplits(
  task: Task,
  table: LandmarkTable,
  splitsOf: (time: Float64Array) => TimeSplit[],
  calibrateInFlight: boolean,
): LandmarkSplit[] {
  const starts: number[] = [];
  const landmarks: number[] = [];
  task.rows.forEach((r, p) => (r < table.baseRows ? starts : landmarks).push(p));
  const positionOf = new Map(starts.map((p) => [task.rows[p] ?? -1, p]));
  const startTime = Float64Array.from(starts, (p) => task.time[p] ?? NaN);
  const back = (rows: Int32Array) => Int32Array.from(rows, (i) => starts[i] ?? -1);
  const age = (r: number) =>
    ((table.landmarkDay[r] ?? NaN) - (table.time[r] ?? NaN)) / (table.plannedDays[r] ?? NaN);
  return splitsOf(startTime).map((s) => {
    const side = new Map<number, 'fit' | 'calibration' | 'test'>();
    for (const k of ['fit', 'calibration', 'test'] as const)
      for (const i of s[k]) side.set(starts[i] ?? -1, k);
    const extra = { fit: [] as number[], calibration: [] as number[], test: [] as number[] };
    for (const p of landmarks) {
      const parent = positionOf.get(table.parent[task.rows[p] ?? 0] ?? -1);
      const where = parent === undefined ? undefined : side.get(parent);
      if (where) extra[where].push(p);
    }
    const calibration = calibrateInFlight ? extra.calibration : [];
    return {
      fit: Int32Array.from([...back(s.fit), ...extra.fit]).sort(),
      calibration: Int32Array.from([...back(s.calibration), ...calibration]).sort(),
      test: back(s.test),
      inFlight: Int32Array.from(extra.test),
      inFlightAge: Float64Array.from(extra.test, (p) => age(task.rows[p] ?? 0)),
      calibrationInFlight: {
        rows: Int32Array.from(extra.calibration),
        age: Float64Array.from(extra.calibration, (p) => age(task.rows[p] ?? 0)),
      },
    };
  });
}

/** A task with each typed array replaced by its type and a hash of its bytes (fast to compare). */
const digest = (v: unknown): unknown => {
  if (ArrayBuffer.isView(v)) {
    const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    return `${v.constructor.name}:${createHash('sha256').update(bytes).digest('hex')}`;
  }
  if (v instanceof Map) return new Map([...v].map(([k, w]) => [k, digest(w)]));
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([k, w]) => [k, digest(w)]));
  return v;
};

const hashPlan = (p: LandmarkPlan) => {
  const h = createHash('sha256');
  for (const a of [p.parent, p.day, p.ageRatio, p.rounds, p.submitted])
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex').slice(0, 16);
};

describe('cutting training rows', () => {
  let wh: Warehouse;
  const built = new Map<
    string,
    { table: MilestoneTable; plan: LandmarkPlan; small: LandmarkPlan }
  >();
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await loadDemo(wh, { seed: 3, milestones: 3000, asOf: '2026-10-31' });
    for (const asOf of ['2026-04-30', '2026-10-31']) {
      await wh.withConnection(async (c) => {
        const table = await milestoneTable(c, { asOf });
        const ev = await landmarkEvents(c, table, asOf);
        const plan = planLandmarks(table, ev, asOf);
        built.set(asOf, { table, plan, small: planLandmarks(table, ev, asOf, { maxRows: 500 }) });
      });
    }
  }, 120_000);
  afterAll(() => wh.close());

  it('plans the same landmark rows as the code before (hashes it printed)', () => {
    const at = (asOf: string) => built.get(asOf)!;
    expect([hashPlan(at('2026-04-30').plan), at('2026-04-30').plan.parent.length]).toEqual([
      '633db8297f335906',
      6577,
    ]);
    expect([hashPlan(at('2026-04-30').small), at('2026-04-30').small.parent.length]).toEqual([
      '039d81a61ad13a78',
      594,
    ]);
    expect(hashPlan(at('2026-10-31').plan)).toBe('ecba8942c14f989c');
    expect(hashPlan(at('2026-10-31').small)).toBe('e5e65ca2f4b64a79');
  });

  it('repeats each landmark row from its start row, as row-by-row copies would', () => {
    const { table, plan } = built.get('2026-04-30')!;
    const lt: LandmarkTable = withLandmarks(table, plan);
    const n = table.n;
    expect(lt.n).toBe(n + plan.parent.length);
    const from = (i: number) => (i < n ? i : plan.parent[i - n]!);
    const same = (a: ArrayLike<unknown>, b: ArrayLike<unknown>, skip = (_: number) => false) => {
      let differ = 0;
      for (let i = 0; i < lt.n; i++) if (!skip(i) && !Object.is(a[i], b[from(i)])) differ++;
      expect(differ).toBe(0);
    };
    for (const [k, col] of lt.features.numeric) {
      if ((landmarkFeatures as readonly string[]).includes(k)) continue;
      same(col, table.features.numeric.get(k)!);
    }
    for (const [k, col] of lt.features.categorical)
      same(col.codes, table.features.categorical.get(k)!.codes);
    for (const k of [
      'time',
      'logRatio',
      'disputed',
      'plannedDays',
      'ids',
      'referenceGroup',
    ] as const)
      same(lt[k], table[k]);
    same(lt.late, table.late, (i) => i >= n && Number.isNaN(lt.late[i]));
    same(lt.censoredAt, table.censoredAt, (i) => i >= n);
    for (const k of Object.keys(table.meta) as (keyof MilestoneTable['meta'])[])
      same(lt.meta[k], table.meta[k]);
    expect(Array.from(lt.parent.subarray(0, n)).every((p) => p === -1)).toBe(true);
    expect(lt.parent.subarray(n)).toEqual(plan.parent);
    expect(lt.features.numeric.get('revision_rounds')!.subarray(n)).toEqual(plan.rounds);
  });

  it('cuts the same tasks as the row-by-row makeTask', () => {
    const { table, plan } = built.get('2026-10-31')!;
    const lt = withLandmarks(table, plan);
    const settled = lt.late.map((v, i) => (lt.meta.baselineDue[i]! < '2026-09-01' ? v : NaN));
    const fraction = lt.time.map((t, i) => t + (i % 7) / 8);
    const wide = lt.time.map((t, i) => (i % 3 === 0 ? t * 1000 : t));
    const specs: TaskSpec[] = [
      { source: 's', kind: 'quantile', target: 'log_ratio', y: lt.logRatio },
      { source: 's', kind: 'binary', target: 'late', y: settled },
      {
        ...{ source: 's', kind: 'binary', target: 'disputed', y: lt.disputed },
        tieBreak: Float64Array.from(lt.ids, (id) => id.length),
        conformalGroup: lt.meta.partner,
        drop: ['share'],
        keep: (k) => !k.startsWith('attr_'),
      },
      { source: 's', kind: 'quantile', target: 'fraction', y: lt.logRatio, time: fraction },
      { source: 's', kind: 'quantile', target: 'wide', y: lt.logRatio, time: wide },
      { source: 's', kind: 'binary', target: 'none', y: new Float64Array(lt.n).fill(NaN) },
    ];
    for (const spec of specs) {
      const task = makeTask(lt, spec);
      expect(digest(task)).toStrictEqual(digest(oracleTask(lt, spec)));
      if (spec.target === 'none') expect(task.rows.length).toBe(0);
      else expect(task.rows.length).toBeGreaterThan(1000);
    }
    expect(makeTask(lt, specs[0]!).rows.length).toBeGreaterThan(table.n / 2);
    // The landmark rows go between the start rows of their day, by table index.
    const rows = makeTask(lt, specs[0]!).rows;
    expect(rows.some((r, i) => i > 0 && r < rows[i - 1]!)).toBe(true);
  });

  it('splits tasks with landmark rows as the Map-based code did', () => {
    const { table, plan } = built.get('2026-10-31')!;
    const lt = withLandmarks(table, plan);
    const splitsOf = (t: Float64Array) => [
      timeOrderedSplit(t),
      timeOrderedSplit(t, { trainShare: 1 }),
    ];
    for (const y of [lt.logRatio, lt.disputed]) {
      const task = makeTask(lt, { source: 's', kind: 'binary', target: 't', y });
      for (const calibrateInFlight of [false, true]) {
        const got = landmarkSplits(task, lt, splitsOf, { calibrateInFlight });
        expect(digest(got)).toStrictEqual(
          digest(oracleSplits(task, lt, splitsOf, calibrateInFlight)),
        );
        expect(got[0]!.inFlight.length).toBeGreaterThan(100);
      }
    }
  });
});
