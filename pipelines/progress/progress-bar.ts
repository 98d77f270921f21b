import cliProgress from 'cli-progress';

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export interface ProgressReporter {
  (p: Progress): void;
  stop(): void;
}

/**
 * A progress bar on stderr for long CLI work. On a terminal it redraws one bar per phase; when
 * output is a log (CI, a pipe) it prints a line at most every 10% so logs stay readable.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  let bar: cliProgress.SingleBar | null = null;
  let phase = '';
  let lastTenth = -1;

  const report = ((p: Progress) => {
    if (p.phase !== phase) {
      bar?.stop();
      bar = null;
      phase = p.phase;
      lastTenth = -1;
      if (stream.isTTY) {
        bar = new cliProgress.SingleBar(
          {
            format: `${p.phase.padEnd(18)} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
            stream,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.total, 0);
      }
    }
    if (bar) {
      bar.setTotal(p.total);
      bar.update(p.done);
      return;
    }
    const tenth = p.total > 0 ? Math.floor((10 * p.done) / p.total) : 10;
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(
        `${p.phase}: ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} (${tenth * 10}%)\n`,
      );
    }
  }) as ProgressReporter;
  report.stop = () => {
    bar?.stop();
    bar = null;
  };
  return report;
}
