// Shared text styles and tooltip rows of the forecast charts (colours from palette.ts).
import { escapeHtml } from './escape-html.ts';
import { palette } from './palette.ts';

export const chartText = { color: palette.text, fontFamily: palette.fontFamily };

export const axisLabelStyle = { color: palette.muted, hideOverlap: true };

export const tooltipBase = {
  backgroundColor: palette.tooltipBackground,
  borderColor: palette.grid,
  textStyle: { ...chartText, fontSize: 13 },
};

/** One "label: value" line of an HTML tooltip, with a colour swatch. */
export function tooltipRow(color: string, label: string, value: string): string {
  return (
    `<div style="display:flex;gap:8px;align-items:baseline">` +
    `<span style="display:inline-block;width:10px;height:10px;border-radius:50%;background:${color}"></span>` +
    `<span>${escapeHtml(label)}: <strong>${escapeHtml(value)}</strong></span></div>`
  );
}

export function tooltipTitle(text: string): string {
  return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(text)}</div>`;
}

/** ECharts passes one params object or an array of them (axis trigger); both carry `dataIndex`. */
export function dataIndexOf(params: unknown): number {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (typeof first === 'object' && first !== null && 'dataIndex' in first) {
    const index = (first as { dataIndex: unknown }).dataIndex;
    if (typeof index === 'number') return index;
  }
  return -1;
}
