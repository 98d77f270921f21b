// Strings of the Partners page (English); partner-page-zh.ts has the same keys.
export const partnerPageEn = {
  title: 'Partners',
  pageTitle: 'Partners · Milepost',
  intro: 'Scorecards of up to four partners side by side, with their quarterly trend.',
  picker: 'Partners to compare',
  add: 'Add a partner',
  addPlaceholder: 'Choose…',
  remove: (name: string) => `Remove ${name}`,
  defaultNote:
    'Showing the two partners with the most completed milestones. Add or remove partners to compare others.',
  metric: 'Trend of',
  metrics: { onTimeRate: 'On-time rate', disputeRate: 'Dispute rate' } as Record<string, string>,
  scorecard: (name: string) => `Scorecard of ${name}`,
  milestones: (total: string, completed: string, open: string) =>
    `${total} milestones · ${completed} completed · ${open} open`,
  chartTitle: (metric: string) => `${metric} by quarter`,
  chartDescription: 'Quarters with fewer than 5 milestones behind the rate are not plotted.',
  chartAria: (metric: string, partners: string) =>
    `Line chart of ${metric} by quarter for ${partners}. The same figures are in the table.`,
  quarter: 'Quarter',
  empty: 'No completed milestones for these partners and filters',
  none: 'Choose at least one partner to see a scorecard.',
};
