// Colours of the forecast charts (contrast-checked against white). Bands are the line's hue, faint.
export const forecastColors = {
  median: '#1d4ed8',
  band: 'rgba(29, 78, 216, 0.16)',
  bandEdge: 'rgba(29, 78, 216, 0.45)',
  deadline: '#b42318',
  p80: '#7c3aed',
  p95: '#0f766e',
  baseline: '#334155',
  done: '#94a3b8',
  quantiles: ['#1d4ed8', '#7c3aed', '#c2410c'] as const,
  models: {
    milepost: '#1d4ed8',
    logistic: '#7c3aed',
    as_planned: '#64748b',
    reference_class: '#c2410c',
  } as Record<string, string>,
  other: '#0f766e',
};

/** A colour from light to dark blue for a share in [0, 1] (criticality). */
export function shareColor(share: number): string {
  const s = Math.min(1, Math.max(0, share));
  const alpha = 0.25 + 0.75 * s;
  return `rgba(29, 78, 216, ${alpha.toFixed(2)})`;
}
