import type { Command } from './commands/command.ts';
import { UsageError } from './commands/command.ts';
import { demoCommand } from './commands/demo.ts';
import { importCommand } from './commands/import.ts';
import { loadsCommand, quarantineCommand } from './commands/quarantine.ts';
import { serveCommand } from './commands/serve.ts';
import { startCommand } from './commands/start.ts';
import { trainCommand } from './commands/train.ts';
import { backtestCommand } from './commands/backtest.ts';
import { adviseCommand } from './commands/advise.ts';
import { tokenCommand } from './commands/token.ts';

const commands: Command[] = [
  startCommand,
  serveCommand,
  demoCommand,
  importCommand,
  loadsCommand,
  quarantineCommand,
  tokenCommand,
  trainCommand,
  backtestCommand,
  adviseCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: milepost <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'milepost <command> --help' for a command's options.`;
}

/** Entry of the `milepost` command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command '${name}'.\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${(err as Error).message}\nUsage: ${command.usage}`);
      return 2;
    }
    console.error(`milepost ${name}: ${(err as Error).message}`);
    return 1;
  }
}
