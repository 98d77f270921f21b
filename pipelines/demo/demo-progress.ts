// Progress of a demo load or CSV export, for the CLI's progress bar.

export interface DemoProgress {
  readonly phase: 'reference' | 'generate' | 'refresh' | 'done';
  /** Projects generated so far during 'generate'; 0 or 1 in the other phases. */
  readonly done: number;
  readonly total: number;
}

export type OnDemoProgress = (progress: DemoProgress) => void;
