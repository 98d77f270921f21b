// Small tables as Markdown, which Jupyter renders as HTML tables (tslab's display.markdown).

type Cell = string | number | boolean | null | undefined;

const show = (v: Cell) =>
  v === null || v === undefined ? '' : String(v).replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A Markdown table of the given columns (all keys of the first row when none are named). */
export function markdownTable(rows: readonly Record<string, Cell>[], columns?: readonly string[]) {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const head = `| ${cols.join(' | ')} |`;
  const rule = `| ${cols.map(() => '---').join(' | ')} |`;
  const body = rows.map((r) => `| ${cols.map((c) => show(r[c])).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** 0.4312 -> '43.1%'; null stays empty. */
export function percent(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v)
    ? ''
    : `${(v * 100).toFixed(digits)}%`;
}
