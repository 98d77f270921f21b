// quantileAt(conditionOnSurvival(quantileDistribution(levels, values), age), u) for many rows
// with the same levels, without building the distributions: the same steps in the same order
// (so the same doubles, tested), with the normal scores of the fixed levels computed once. The
// in-flight conformal fit evaluates it millions of times; the allocating path costs ~4.5 us.
import { normalQuantile } from './normal.ts';
import { conditionKnots, knotQuantile, TAIL_HIGH, TAIL_LOW } from './quantile-distribution.ts';

/** For knot `levels` (strictly increasing, in (0, 1)): (values, age, u) -> conditioned quantile. */
export function conditionedQuantileAt(
  levels: readonly number[],
): (values: ArrayLike<number>, age: number, u: number) => number {
  const m = levels.length;
  const lowExt = levels[0]! > TAIL_LOW;
  const highExt = levels[m - 1]! < TAIL_HIGH;
  const lv = [...(lowExt ? [TAIL_LOW] : []), ...levels, ...(highExt ? [TAIL_HIGH] : [])];
  const z = (p: number) => normalQuantile(p);
  const [z0, z1, zl] = [z(levels[0]!), z(levels[1]!), z(TAIL_LOW)];
  const [zk, zk1, zh] = [z(levels[m - 1]!), z(levels[m - 2]!), z(TAIL_HIGH)];
  const vs = new Float64Array(lv.length);
  const L = new Float64Array(lv.length + 1);
  const V = new Float64Array(lv.length + 1);
  return (values, age, u) => {
    let j = 0;
    if (lowExt) {
      const [v1, v0] = [values[0]!, values[1]!];
      vs[j++] = v1 + ((v1 - v0) / (z0 - z1)) * (zl - z0);
    }
    for (let i = 0; i < m; i++) vs[j++] = values[i]!;
    if (highExt) {
      const [v0, v1] = [values[m - 2]!, values[m - 1]!];
      vs[j] = v1 + ((v1 - v0) / (zk - zk1)) * (zh - zk);
    }
    const k = lv.length - 1;
    const lowerScale = (lv[0]! * (vs[1]! - vs[0]!)) / (lv[1]! - lv[0]!);
    const upperScale = ((1 - lv[k]!) * (vs[k]! - vs[k - 1]!)) / (lv[k]! - lv[k - 1]!);
    const d = { L: lv, V: vs, n: lv.length, lowerScale, upperScale };
    return age > 0 ? conditioned(d, Math.log(age), u, { L, V }) : quantileOf(d, u);
  };
}

interface Knots {
  readonly L: ArrayLike<number>;
  readonly V: ArrayLike<number>;
  /** Knots used (the first n). */
  readonly n: number;
  readonly lowerScale: number;
  readonly upperScale: number;
}

/** conditionOnSurvival at log age `xa`, then quantileAt u; `out` holds the new knots. */
function conditioned(
  d: Knots,
  xa: number,
  u: number,
  out: { L: Float64Array; V: Float64Array },
): number {
  const { L, V } = out;
  const c = conditionKnots(d.L, d.V, d.n, d.lowerScale, d.upperScale, xa, L, V);
  return c ? knotQuantile(L, V, c.n, 0, c.upperScale, u) : quantileOf(d, u);
}

/** quantileAt over the first `n` knots. */
const quantileOf = (d: Knots, u: number) =>
  knotQuantile(d.L, d.V, d.n, d.lowerScale, d.upperScale, u);
