// Chart colours, matched to app.css. The two series differ in hue and in line style (solid vs dashed)
// so they stay distinguishable without colour.
export const palette = {
  onTime: '#1d4ed8',
  dispute: '#c2410c',
  volume: '#d9e0e8',
  text: '#334155',
  muted: '#64748b',
  grid: '#e2e8f0',
  tooltipBackground: '#ffffff',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
} as const;
