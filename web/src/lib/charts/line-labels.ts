// Labels at the right end of horizontal reference lines (markLine), outside the plot: no other
// line can cross them there, and labels of lines close together are pushed apart.

/** Rough width in pixels of a one-line label: CJK characters are square, others about 0.6 em. */
export function labelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return Math.ceil(em * fontSize);
}

/**
 * Vertical offsets (pixels, down is positive) that keep labels at screen positions `ys` at least
 * `gap` apart while keeping their order: each label closer than `gap` to the one above it moves
 * down; a run of moved labels is then re-centred on where it was meant to be.
 */
export function spreadOffsets(ys: readonly number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  const runs: number[][] = [];
  order.forEach(({ y }, k) => {
    const prev = placed[k - 1];
    if (prev !== undefined && y - prev < gap) {
      placed.push(prev + gap);
      runs[runs.length - 1]!.push(k);
    } else {
      placed.push(y);
      runs.push([k]);
    }
  });
  for (const run of runs) {
    const shift = run.reduce((s, k) => s + placed[k]! - order[k]!.y, 0) / run.length;
    for (const k of run) placed[k]! -= shift;
  }
  // Re-centring may bring a run up against the one above it: settle downwards once more.
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const offsets = new Array<number>(ys.length).fill(0);
  order.forEach(({ y, i }, k) => (offsets[i] = placed[k]! - y));
  return offsets;
}
