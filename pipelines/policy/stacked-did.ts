// Stacked difference-in-differences of a pricing switch, as pipelines/demo/policy-did.ts: each
// switching (treated) brand is compared before/after its own change date, and the brands that
// never switched (controls) are split at that same date, so the common time trend cancels.
// Counts come in blocks of four per brand: [on time, completed, disputed, submitted].

export const M = 4;

export interface DidInputs {
  /** Treated brands: counts before and after their change date (nTreated x 4). */
  readonly treatedBefore: Float64Array;
  readonly treatedAfter: Float64Array;
  /** Index into the switch dates of each treated brand's change date. */
  readonly treatedDate: Int32Array;
  /** Control brands: all their counts (nControl x 4), and those due before each switch date. */
  readonly controlTotal: Float64Array;
  /** nControl x nDates x 4. */
  readonly controlBefore: Float64Array;
  readonly nDates: number;
}

export interface StackedCounts {
  readonly treatedBefore: number[];
  readonly treatedAfter: number[];
  readonly controlBefore: number[];
  readonly controlAfter: number[];
}

export const nTreated = (x: DidInputs) => x.treatedDate.length;
export const nControl = (x: DidInputs) => x.controlTotal.length / M;

/** Pooled counts of the four cells; weights say how often each brand is drawn (1 = once). */
export function stackedCounts(x: DidInputs, wT: Float64Array, wC: Float64Array): StackedCounts {
  const perDate = new Float64Array(x.nDates * M);
  const total = new Float64Array(M);
  for (let j = 0; j < wC.length; j++) {
    const w = wC[j] ?? 0;
    if (w === 0) continue;
    for (let m = 0; m < M; m++) total[m] = (total[m] ?? 0) + w * (x.controlTotal[j * M + m] ?? 0);
    const base = j * x.nDates * M;
    for (let k = 0; k < x.nDates * M; k++) {
      perDate[k] = (perDate[k] ?? 0) + w * (x.controlBefore[base + k] ?? 0);
    }
  }
  const out = { tb: zeros(), ta: zeros(), cb: zeros(), ca: zeros() };
  for (let i = 0; i < wT.length; i++) {
    const w = wT[i] ?? 0;
    if (w === 0) continue;
    const d = x.treatedDate[i] ?? 0;
    for (let m = 0; m < M; m++) {
      const before = perDate[d * M + m] ?? 0;
      out.tb[m] = (out.tb[m] ?? 0) + w * (x.treatedBefore[i * M + m] ?? 0);
      out.ta[m] = (out.ta[m] ?? 0) + w * (x.treatedAfter[i * M + m] ?? 0);
      out.cb[m] = (out.cb[m] ?? 0) + w * before;
      out.ca[m] = (out.ca[m] ?? 0) + w * ((total[m] ?? 0) - before);
    }
  }
  return {
    treatedBefore: out.tb,
    treatedAfter: out.ta,
    controlBefore: out.cb,
    controlAfter: out.ca,
  };
}

function zeros(): number[] {
  return [0, 0, 0, 0];
}

export interface DidFigures {
  /** Rates of the four cells: treated before/after, control before/after. */
  readonly rates: readonly [number | null, number | null, number | null, number | null];
  /** treatedAfter / treatedBefore - 1 (ignores the controls). */
  readonly naiveRelative: number | null;
  readonly naiveAbsolute: number | null;
  /** (tA / tB) / (cA / cB) - 1, the estimate of the case study's before/after change. */
  readonly didRelative: number | null;
  /** (tA - tB) - (cA - cB), in rate points. */
  readonly didAbsolute: number | null;
}

/** Figures for one rate: numerator at offset `num`, denominator at `num + 1`. */
export function didFigures(c: StackedCounts, num: 0 | 2): DidFigures {
  const r = (xs: number[]) => ((xs[num + 1] ?? 0) > 0 ? (xs[num] ?? 0) / (xs[num + 1] ?? 1) : null);
  const tb = r(c.treatedBefore);
  const ta = r(c.treatedAfter);
  const cb = r(c.controlBefore);
  const ca = r(c.controlAfter);
  const ratio = (a: number | null, b: number | null) => (a !== null && b ? a / b : null);
  const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? a - b : null);
  const treated = ratio(ta, tb);
  const control = ratio(ca, cb);
  const didRelative = treated !== null && control ? treated / control - 1 : null;
  const dt = diff(ta, tb);
  const dc = diff(ca, cb);
  return {
    rates: [tb, ta, cb, ca],
    naiveRelative: treated === null ? null : treated - 1,
    naiveAbsolute: dt,
    didRelative,
    didAbsolute: dt !== null && dc !== null ? dt - dc : null,
  };
}
