// Public API of the demo data generator (README.md). Everything else in this folder is an
// implementation detail.
export { loadDemo } from './load-demo.ts';
export type { LoadDemoOptions, LoadDemoResult } from './load-demo.ts';
export { writeDemoCsv } from './write-demo-csv.ts';
export type { WriteDemoCsvResult } from './write-demo-csv.ts';
export { createDemoDataset } from './generate-demo.ts';
export type { DemoDataset } from './generate-demo.ts';
export type { DemoBatch, DemoReference } from './demo-batch.ts';
export { resolveDemoOptions } from './demo-options.ts';
export type { DemoOptions, PlantedEffect, ResolvedDemoOptions } from './demo-options.ts';
export type { DemoProgress, OnDemoProgress } from './demo-progress.ts';
export type { DemoTruth } from './demo-truth.ts';
export { calibrationTargets, measureCalibration, outsideTargets } from './calibration.ts';
export type { CalibrationFigures } from './calibration.ts';
export { estimatePolicyDid } from './policy-did.ts';
export type { DidCell, DidEstimate, PolicyDid } from './policy-did.ts';
export { demoTableNames } from './demo-tables.ts';
export type { DemoTableName } from './demo-tables.ts';
