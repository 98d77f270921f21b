import type { CalibrationPoint, ScoreRow } from './score-rows.ts';

const fmt = (v: number | null) =>
  v === null || !Number.isFinite(v) ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3);

/** One markdown table per (source, split): metrics as rows, models as columns. */
export function scoresMarkdown(
  scores: readonly ScoreRow[],
  splits: (split: string) => boolean = () => true,
): string {
  const groups = new Map<string, ScoreRow[]>();
  for (const s of scores) {
    if (!splits(s.split)) continue;
    const key = `${s.source}|${s.split}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const out: string[] = [];
  for (const [key, rows] of groups) {
    const [source, split] = key.split('|');
    const models = [...new Set(rows.map((r) => r.model))];
    const metrics = [...new Set(rows.map((r) => r.metric))];
    const n = rows[0]?.n ?? 0;
    out.push(
      `#### ${source} — ${split} (${n} scored)`,
      '',
      `| metric | ${models.join(' | ')} |`,
      `|---|${models.map(() => '---:').join('|')}|`,
    );
    for (const m of metrics) {
      const cells = models.map((model) =>
        fmt(rows.find((r) => r.model === model && r.metric === m)?.value ?? null),
      );
      out.push(`| ${m} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Mean and range of each (source, model, metric) over the rolling origins. */
export function originsMarkdown(scores: readonly ScoreRow[]): string {
  const rows = scores.filter((s) => s.split.startsWith('origin-'));
  if (rows.length === 0) return '';
  const keyOf = (s: ScoreRow) => `${s.source}|${s.metric}|${s.model}`;
  const cells = new Map<string, number[]>();
  for (const s of rows)
    if (s.value !== null) cells.set(keyOf(s), [...(cells.get(keyOf(s)) ?? []), s.value]);
  const out = [
    '| source | metric | model | mean over origins | min | max |',
    '|---|---|---|---:|---:|---:|',
  ];
  for (const [key, vs] of cells) {
    const [source, metric, model] = key.split('|');
    const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
    out.push(
      `| ${source} | ${metric} | ${model} | ${fmt(mean)} | ${fmt(Math.min(...vs))} | ${fmt(Math.max(...vs))} |`,
    );
  }
  return out.join('\n');
}

/** The holdout calibration curve of one model's probabilities: predicted against observed, per bin. */
export function calibrationMarkdown(
  label: string,
  points: readonly CalibrationPoint[],
  model = 'milepost',
): string {
  const curves = new Map<string, CalibrationPoint[]>();
  for (const p of points)
    if (p.model === model && p.target.startsWith('p_'))
      curves.set(p.target, [...(curves.get(p.target) ?? []), p]);
  const out: string[] = [];
  for (const [target, ps] of curves) {
    out.push(
      `#### ${label} — calibration of ${model} ${target} (holdout, bins of equal count)`,
      '',
      '| bin | mean predicted | observed rate | n |',
      '|---:|---:|---:|---:|',
      ...ps.map((p, i) => `| ${i + 1} | ${fmt(p.nominal)} | ${fmt(p.observed)} | ${p.n} |`),
      '',
    );
  }
  return out.join('\n');
}
