// Value axes the forecast charts share: calendar days (day numbers, labelled as dates) and shares
// of 0-1 (labelled as percentages).
import type { Format } from '../format.ts';
import { axisLabelStyle } from './chart-text.ts';
import { dayToIso } from './iso-day.ts';
import { palette } from './palette.ts';

/** A value axis over day numbers from `min` to `max`, labelled with the locale's dates. */
export function dayAxis(min: number, max: number, f: Format) {
  return {
    type: 'value' as const,
    min,
    max,
    axisLine: { lineStyle: { color: palette.grid } },
    axisLabel: { ...axisLabelStyle, formatter: (d: number) => f.date(dayToIso(d)) },
  };
}

/** A 0-1 value axis labelled as whole percentages, gridlines every `interval`. */
export function shareAxis(f: Format, interval: number) {
  return {
    type: 'value' as const,
    min: 0,
    max: 1,
    interval,
    axisLabel: { color: palette.muted, formatter: (v: number) => f.percentRounded(v) },
    splitLine: { lineStyle: { color: palette.grid } },
  };
}
