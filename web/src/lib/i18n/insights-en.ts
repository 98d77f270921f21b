// Strings of the Overview's change line, policy impact and top risks (English); insights-zh.ts has
// the same keys.
export const insightsEn = {
  change: {
    points: (delta: string) => `${delta} pts`,
    days: (delta: string) => `${delta} d`,
    versus: (previous: string, period: string) => `vs ${previous} in ${period}`,
    recent: (delta: string) => `Last 3 months: ${delta}`,
    ofCount: (n: string, d: string) => `${n} of ${d}`,
    period: (from: string, to: string) => (from === to ? from : `${from} – ${to}`),
    up: 'up',
    down: 'down',
    flat: 'unchanged',
  },
  policy: {
    title: 'Impact of switching to milestone pricing',
    description: (treated: string, control: string, first: string, last: string) =>
      `${treated} brands switched between ${first} and ${last}; ${control} brands that never switched are the comparison. Intervals are 95% brand-clustered bootstrap intervals.`,
    onTime: 'On-time rate',
    dispute: 'Dispute rate',
    group: 'Group',
    switched: 'Switched brands',
    control: 'Never switched',
    before: 'Before',
    after: 'After',
    rate: (value: string, n: string, d: string, low: string, high: string) =>
      `${value} (${n} of ${d}; ${low}–${high})`,
    rateNoInterval: (value: string, n: string, d: string) => `${value} (${n} of ${d})`,
    beforeAfter: 'Before/after (switched brands)',
    did: 'Difference-in-differences',
    estimate: (value: string, low: string, high: string) =>
      `${value} pts (95% CI ${low} to ${high})`,
    estimateNoInterval: (value: string) => `${value} pts (too few brands for an interval)`,
    none: 'No brand in view switched to milestone pricing, so there is nothing to compare.',
    caption: (metric: string) => `${metric} before and after the switch`,
    forest: {
      title: 'Effects with 95% intervals',
      description:
        'Each bar is a 95% interval in percentage points; a bar that crosses the line at 0 means the effect is not distinguishable from zero.',
      axis: 'Percentage points',
      kinds: { did: 'difference-in-differences', beforeAfter: 'before/after' },
      rowLabel: (metric: string, kind: string) => `${metric} (${kind})`,
      sentence: (label: string, value: string, low: string, high: string, verdict: string) =>
        `${label} changed by ${value} points (95% interval ${low} to ${high}): ${verdict}.`,
      sentenceNoInterval: (label: string, value: string) =>
        `${label} changed by ${value} points (too few brands for an interval).`,
      verdicts: {
        above: 'distinguishable from zero (an increase)',
        below: 'distinguishable from zero (a decrease)',
        includesZero: 'not distinguishable from zero',
        unknown: 'no interval',
      },
      effect: 'Effect',
      estimate: 'Estimate (pts)',
      interval: '95% interval (pts)',
      verdict: 'Distinguishable from zero?',
      caption: 'Policy effects with 95% intervals',
    },
  },
  risks: {
    title: 'Top risks',
    description: 'Open milestones most likely to finish late, by the current model.',
    milestone: 'Milestone',
    partner: 'Partner',
    due: 'Due',
    p80: 'P80 finish',
    probability: 'Chance late',
    why: 'Main reason',
    empty: 'No open milestone is at risk.',
    open: (id: string) => `Open ${id} in Forecasts`,
    all: 'All at-risk milestones',
  },
};
