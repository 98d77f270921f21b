// Strings of the Cash flow page (en). zh: cash-flow-zh.ts implements the same shape.
export const cashFlowEn = {
  title: 'Cash flow',
  pageTitle: 'Cash flow · Milepost',
  asOf: (date: string, runs: string) => `Forecast as of ${date} · ${runs} simulated runs`,
  view: 'View',
  brandView: 'Brand’s payments (cash out)',
  partnerView: 'Partner’s receipts (cash in)',
  brand: 'Brand',
  partner: 'Partner',
  allBrands: 'All brands',
  allPartners: 'All partners',
  weeks: 'Horizon',
  weeksOption: (n: string) => `${n} weeks`,
  openAmount: 'Unpaid value of open milestones',
  milestones: 'Open milestones',
  horizonTotal: 'P50 paid within the horizon',
  later: 'P50 paid later',
  laterNote: (date: string) =>
    `Payments forecast from the week of ${date} on are counted in “P50 paid later” and not drawn.`,
  weeklyTitle: (view: string) => `${view} per week`,
  weeklyDescription:
    'Band from P10 to P90 of each week’s total across simulated runs; the line is the P50.',
  cumulativeTitle: 'Cumulative',
  cumulativeDescription: 'Running total since today: P10 to P90 band and P50 line.',
  aria: (title: string, first: string, last: string) =>
    `Fan chart of ${title} from ${first} to ${last}. The same figures are available as a table.`,
  week: 'Week of',
  p10: 'P10',
  p50: 'P50',
  p90: 'P90',
  band: 'P10–P90',
  caption: (currency: string) => `Weekly amounts in ${currency}`,
  currencyNote: (currency: string) => `Amounts in ${currency}`,
  empty: 'No unpaid open milestones in this selection',
  status: {
    loading: 'Loading the cash-flow forecast…',
    loaded: 'Cash-flow forecast updated',
    failed: 'Could not load the cash-flow forecast',
  },
};

export type CashFlowMessages = typeof cashFlowEn;
