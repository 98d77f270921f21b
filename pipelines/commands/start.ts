import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config.ts';
import type { Command } from './command.ts';
import { serveCommand } from './serve.ts';

const webDir = join(repoRoot, 'web');
const builtIndex = join(webDir, 'build', 'index.html');
const viteBin = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');

/** Newest modification time under the dashboard's sources (skipping build output). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'build' || entry.name === '.svelte-kit' || entry.name === 'node_modules')
      continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function dashboardIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  return newestSource(webDir) > statSync(builtIndex).mtimeMs;
}

// `npm start`: what a new user runs. Builds the dashboard when its sources are newer than the
// build (a fresh clone, or after a pull), then serves.
export const startCommand: Command = {
  name: 'start',
  summary: 'Build the dashboard if needed, then serve it with the API (what `npm start` runs)',
  usage: 'milepost start [--port N] [--host H] [--db PATH]',
  async run(args) {
    if (dashboardIsStale()) {
      console.error('Building the dashboard (first start or changed sources) ...');
      const build = spawnSync(
        process.execPath,
        [viteBin, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
        {
          cwd: repoRoot,
          stdio: 'inherit',
        },
      );
      if (build.status !== 0) {
        console.error('The dashboard build failed; see the messages above.');
        return build.status ?? 1;
      }
    }
    return serveCommand.run(args);
  },
};
