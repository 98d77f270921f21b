/** One `milepost` sub-command. `run` returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Thrown for wrong command-line usage: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
