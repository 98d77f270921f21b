import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { repoRoot } from '../config.ts';
import type { Command } from './command.ts';

// The server lives in api/ and pipelines/ may not import it, so `serve` runs it as a child
// process; settings travel as environment variables, as they do for `npm start`.
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the API and dashboard (creates a demo warehouse on first start)',
  usage: 'milepost serve [--port N] [--host H] [--db PATH]',
  run(args) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' } },
    });
    const env = { ...process.env };
    if (values.port) env.PORT = values.port;
    if (values.host) env.HOST = values.host;
    if (values.db) env.MILEPOST_DB = values.db;
    const child = spawn(process.execPath, ['--import', 'tsx', `${repoRoot}api/server.ts`], {
      stdio: 'inherit',
      env,
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    return new Promise((resolve) => {
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1)));
    });
  },
};
