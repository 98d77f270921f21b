// Strings of the Model quality page (en). zh: model-quality-zh.ts implements the same shape.
export const modelQualityEn = {
  title: 'Model quality',
  pageTitle: 'Model quality · Milepost',
  inService: 'Model in service',
  version: (v: string) => `Version ${v}`,
  trainedAt: (at: string) => `trained ${at}`,
  trainWindow: (from: string, to: string, rows: string | null) =>
    rows === null
      ? `on milestones from ${from} to ${to}`
      : `on ${rows} milestones from ${from} to ${to}`,
  noModel: 'No model has been trained yet.',
  train: 'Train a new version',
  training: 'Training… (about a minute on the demo)',
  trained: (version: string, rows: string, seconds: string) =>
    `Version ${version} trained on ${rows} milestones in ${seconds} s`,
  source: 'Data set',
  metric: 'Score',
  split: 'Split',
  scoresHeading: (metric: string) => `Backtest scores against the baselines: ${metric}`,
  calibrationHeading: (target: string) => `Calibration: ${target}`,
  scoresTitle: 'Backtest scores against the baselines',
  scoresDescription: (better: string) =>
    `The model beside the two baselines every model must beat, per data set. ${better}`,
  lowerBetter: 'Lower is better.',
  higherBetter: 'Higher is better.',
  closerBetter: 'Closest to the nominal level is best.',
  scoresAria: (metric: string, count: string) =>
    `Bar chart of ${metric} for ${count} data sets. The same figures are available as a table.`,
  scoresCaption: 'Backtest scores',
  model: 'Model',
  value: 'Value',
  n: 'Count',
  noScores: 'No backtest has been run yet. Run: milepost backtest --source demo',
  models: {
    milepost: 'Milepost model',
    logistic: 'Logistic regression',
    as_planned: 'As planned',
    reference_class: 'Reference class',
    milepost_start_state: 'Milepost, state at start',
  } as Record<string, string>,
  metrics: {
    pinball_mean_p10_p50_p90: 'Pinball loss, mean of P10/P50/P90',
    pinball_p10: 'Pinball loss P10',
    pinball_p50: 'Pinball loss P50',
    pinball_p80: 'Pinball loss P80',
    pinball_p90: 'Pinball loss P90',
    pinball_p95: 'Pinball loss P95',
    coverage_p10: 'Coverage P10',
    coverage_p50: 'Coverage P50',
    coverage_p80: 'Coverage P80',
    coverage_p90: 'Coverage P90',
    coverage_p95: 'Coverage P95',
    coverage_p10_p90: 'Coverage P10–P90',
    width_p10_p90: 'Interval width P10–P90',
    auc_late: 'AUC, late',
    auc_disputed: 'AUC, disputed',
    brier_late: 'Brier score, late',
    brier_disputed: 'Brier score, disputed',
    log_loss_late: 'Log loss, late',
    log_loss_disputed: 'Log loss, disputed',
    rate_late: 'Base rate, late',
    rate_disputed: 'Base rate, disputed',
  } as Record<string, string>,
  targets: {
    delivery: 'Delivery date quantiles',
    p_late: 'P(late)',
    p_disputed: 'P(dispute)',
  } as Record<string, string>,
  calibrationTitle: 'Calibration',
  calibrationDescription:
    'Observed share against the nominal level: on the diagonal, a P80 date is met 80% of the time.',
  calibrationAria: (count: string) =>
    `Calibration chart with ${count} curves. The same figures are available as a table.`,
  nominal: 'Nominal',
  observed: 'Observed',
  ideal: 'Ideal',
  target: 'Target',
  noCalibration: 'No calibration points stored yet (they come with a backtest).',
  coverageTitle: 'Coverage over time',
  coverageDescription:
    'Forecasts snapshotted at each training, scored against what has happened since: share delivered by the P50, P80 and P90 dates (dashed: the nominal levels).',
  coverageAria: (count: string) =>
    `Line chart of coverage for ${count} forecast snapshots. The same figures are available as a table.`,
  asOf: 'Snapshot',
  issued: 'Issued',
  delivered: 'Delivered since',
  coverage: (p: string) => `Coverage ${p}`,
  brier: 'Brier score (late)',
  noLedger: 'No forecast snapshot has been scored yet.',
  pending: 'Forecasts snapshotted; their dates have not passed yet, so coverage cannot be scored.',
  status: {
    loading: 'Loading model quality…',
    loaded: 'Model quality updated',
    failed: 'Could not load model quality',
  },
};

export type ModelQualityMessages = typeof modelQualityEn;
