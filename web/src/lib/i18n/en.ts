// Every user-visible string of the dashboard. A translation implements `Messages` (same keys, same
// function signatures); numbers reach these templates already formatted by format.ts.
import { advisorEn } from './advisor-en.ts';
import { cashFlowEn } from './cash-flow-en.ts';
import { cohortsEn } from './cohorts-en.ts';
import { dataEn } from './data-en.ts';
import { insightsEn } from './insights-en.ts';
import { partnerPageEn } from './partner-page-en.ts';
import { forecastsEn } from './forecasts-en.ts';
import { modelQualityEn } from './model-quality-en.ts';

export const en = {
  locale: 'en-US',
  app: {
    name: 'Milepost',
    tagline: 'Milestone analytics',
    skipToContent: 'Skip to content',
    mainNav: 'Main',
    nav: {
      overview: 'Overview',
      forecasts: 'Forecasts',
      cashFlow: 'Cash flow',
      partners: 'Partners',
      cohorts: 'Cohorts',
      advisor: 'Advisor',
      data: 'Data',
      modelQuality: 'Model quality',
    },
    language: 'Language',
    signOut: 'Sign out',
    signedInAs: (name: string, role: string) => `Signed in as ${name} (${role})`,
    roles: {
      viewer: 'viewer',
      planner: 'planner',
      analyst: 'analyst',
      admin: 'admin',
    } as Record<string, string>,
    forbidden: 'Your role cannot open this page. Ask an admin for a token with more rights.',
  },
  overview: {
    title: 'Overview',
    pageTitle: 'Overview · Milepost',
    asOf: (date: string) => `Data as of ${date}`,
    asOfUnknown: 'No data loaded yet',
    milestonesInView: (total: string, completed: string, open: string) =>
      `${total} milestones · ${completed} completed · ${open} open`,
  },
  status: {
    loading: 'Loading…',
    updating: 'Updating…',
    loaded: 'Overview updated',
    failed: 'Could not load the overview',
  },
  filters: {
    legend: 'Filters',
    from: 'From',
    to: 'To',
    brand: 'Brand',
    partner: 'Partner',
    milestoneType: 'Milestone type',
    any: 'All',
    anyMonth: 'Any month',
    reset: 'Reset filters',
    milestoneTypes: {
      strategy: 'Strategy',
      creative: 'Creative',
      kol_seeding: 'KOL seeding',
      livestream: 'Livestream',
      store_setup: 'Store setup',
      content_production: 'Content production',
      media_buy: 'Media buy',
      reporting: 'Reporting',
      other: 'Other',
    } as Record<string, string>,
    partnerKinds: {
      agency: 'Agency',
      kol_network: 'KOL network',
      store_operator: 'Store operator',
      livestream: 'Livestream studio',
      production: 'Production house',
      other: 'Other',
    } as Record<string, string>,
  },
  kpi: {
    regionLabel: 'Key figures',
    onTimeRate: 'On-time rate',
    onTimeDetail: (onTime: string, completed: string) => `${onTime} of ${completed} completed`,
    disputeRate: 'Dispute rate',
    disputeDetail: (disputed: string, submitted: string) => `${disputed} of ${submitted} submitted`,
    valueDisputeRate: 'Value dispute rate',
    valueDisputeDetail: (disputed: string, billed: string) => `${disputed} of ${billed} billed`,
    unconvertedNote: (count: string) => `${count} milestones without an exchange rate left out`,
    medianSlip: 'Median slip',
    p80Slip: 'P80 slip',
    slipDetail: (count: string) => `across ${count} completed`,
    medianPaymentLag: 'Median payment lag',
    paymentLagDetail: (count: string) => `across ${count} paid`,
    days: (n: string) => `${n} d`,
    daysLong: (n: string) => `${n} days`,
    notAvailable: 'n/a',
    hints: {
      onTimeRate: 'Delivered (approved) on or before the baseline due date plus tolerance',
      disputeRate: 'Milestones with a dispute among those submitted',
      valueDisputeRate:
        'Disputed amount among the amount billed, in the filter’s one currency or else converted to USD',
      slip: 'Delivery date minus baseline due date; negative is early',
      paymentLag: 'Days from approval to payment',
    },
  },
  trend: {
    title: 'On-time and dispute rate by cohort month',
    description:
      'Milestones grouped by the month of their baseline due date. Bars show completed milestones; rates of months with fewer than 10 milestones are not plotted.',
    onTimeRate: 'On-time rate',
    disputeRate: 'Dispute rate',
    completed: 'Completed',
    rateAxis: 'Rate',
    countAxis: 'Milestones',
    onTimeTooltip: (onTime: string, completed: string) => `${onTime} of ${completed} on time`,
    disputeTooltip: (disputed: string, submitted: string) => `${disputed} of ${submitted} disputed`,
    ariaSummary: (first: string, last: string, count: number) =>
      `Chart of on-time rate and dispute rate for ${count} cohort months from ${first} to ${last}. ` +
      'The same figures are available as a table.',
    empty: 'No completed milestones in these months',
    table: {
      caption: 'On-time and dispute rate by cohort month',
      month: 'Month',
      completed: 'Completed',
      onTime: 'On time',
      onTimeRate: 'On-time rate',
      submitted: 'Submitted',
      disputed: 'Disputed',
      disputeRate: 'Dispute rate',
      medianSlip: 'Median slip (days)',
    },
  },
  chart: {
    showTable: 'Show as table',
    showChart: 'Show as chart',
    loading: 'Loading chart…',
    save: 'Save',
    saveAs: (format: string, title: string) => `Save “${title}” as ${format}`,
  },
  partners: {
    title: 'Partner ranking',
    description: (shown: string, total: string, minCompleted: string) =>
      `Top ${shown} of ${total} partners with at least ${minCompleted} completed milestones`,
    caption: 'Partners ranked by the selected column',
    sortBy: (column: string) => `Sort by ${column}`,
    partner: 'Partner',
    completed: 'Completed',
    onTimeRate: 'On-time rate',
    disputeRate: 'Dispute rate',
    medianSlip: 'Median slip',
    p80Slip: 'P80 slip',
    medianPaymentLag: 'Median payment lag',
    ofCount: (n: string, d: string) => `${n} of ${d}`,
    empty: 'No partner has enough completed milestones for these filters',
  },
  empty: {
    title: 'No milestones match these filters',
    body: 'Widen the date range or clear a filter to see results.',
  },
  signIn: {
    title: 'Sign in to Milepost',
    body: 'Paste an API token. The server prints a sign-in link on first start; an admin can create tokens with: milepost token create.',
    label: 'Token',
    submit: 'Sign in',
    invalid: 'That token is not valid (mistyped, revoked or expired).',
  },
  forecasts: forecastsEn,
  cashFlow: cashFlowEn,
  modelQuality: modelQualityEn,
  advisor: advisorEn,
  cohorts: cohortsEn,
  data: dataEn,
  partnerPage: partnerPageEn,
  insights: insightsEn,
  errors: {
    title: 'Something went wrong',
    retry: 'Retry',
    network: 'The server could not be reached. Check that Milepost is running.',
    unexpected: 'The server returned an unexpected answer.',
  },
};

export type Messages = typeof en;
