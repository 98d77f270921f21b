// Runs a notebook headless the way a reader would: Debian's `jupyter-nbconvert --execute` (nbclient)
// starting the tslab kernel from the kernelspec committed under notebooks/kernels (JUPYTER_PATH,
// no global install). On failure it names the cell that failed and quotes its error.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { failingCell, type NotebookCell } from './failing-cell.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const notebooksDir = join(repoRoot, 'notebooks');
const kernelSpec = join(notebooksDir, 'kernels', 'tslab', 'kernel.json');
const tslabBin = join(repoRoot, 'node_modules', 'tslab', 'bin', 'tslab');
const NBCONVERT = 'jupyter-nbconvert';
/** Per cell (nbclient's timeout) and per notebook (the whole nbconvert process), in seconds. */
const CELL_TIMEOUT = 150;
const NOTEBOOK_TIMEOUT = 300;

/** Why notebooks cannot run here (a missing tool or kernel), or null when they can. */
export function notebookToolsProblem(): string | null {
  const nbconvert = spawnSync(NBCONVERT, ['--version'], { encoding: 'utf8' });
  if (nbconvert.status !== 0) return `${NBCONVERT} not found (apt-get install jupyter-nbconvert)`;
  if (!existsSync(kernelSpec)) return `kernelspec missing: ${kernelSpec}`;
  if (!existsSync(tslabBin)) return `tslab missing: ${tslabBin} (npm install)`;
  const zmq = spawnSync(process.execPath, ['-e', "require('zeromq')"], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (zmq.status !== 0) return `tslab's zeromq addon does not load: ${zmq.stderr.trim()}`;
  return null;
}

/** The notebooks directly under `dir`, sorted by name. */
export function listNotebooks(dir = notebooksDir): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()
    .map((f) => join(dir, f));
}

export function readCells(path: string): NotebookCell[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { cells: NotebookCell[] }).cells;
}

export interface NotebookResult {
  notebook: string;
  ok: boolean;
  seconds: number;
  /** The failing cell: its 1-based position among all cells, id and first line. */
  cell: { index: number; id: string | null; firstLine: string } | null;
  /** The error as the kernel reported it, else the end of nbconvert's own output. */
  error: string | null;
}

interface Exec {
  status: number | null;
  stderr: string;
}

function nbconvert(notebook: string, outDir: string, allowErrors: boolean): Promise<Exec> {
  const args = [
    '--to',
    'notebook',
    '--execute',
    `--ExecutePreprocessor.timeout=${CELL_TIMEOUT}`,
    '--output-dir',
    outDir,
    ...(allowErrors ? ['--allow-errors'] : []),
    notebook,
  ];
  const env = {
    ...process.env,
    JUPYTER_PATH: notebooksDir,
    JUPYTER_RUNTIME_DIR: join(outDir, 'runtime'),
    TZ: 'UTC',
  };
  return new Promise((done) => {
    const child = spawn(NBCONVERT, args, { cwd: repoRoot, env, timeout: NOTEBOOK_TIMEOUT * 1000 });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    child.on('error', (err) => done({ status: null, stderr: `${stderr}\n${err.message}` }));
    child.on('close', (status, signal) =>
      done({ status, stderr: signal ? `${stderr}\nkilled by ${signal}` : stderr }),
    );
  });
}

const tail = (s: string, lines = 15) => s.trim().split('\n').slice(-lines).join('\n');

/**
 * Executes one notebook into a scratch folder. When a cell fails, the notebook is run once more
 * with --allow-errors to read what that cell printed: tslab reports an error as a stream on the
 * cell, not in the reply that nbconvert's own message quotes.
 */
export async function runNotebook(notebook: string): Promise<NotebookResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'milepost-notebook-'));
  const started = Date.now();
  try {
    const run = await nbconvert(notebook, outDir, false);
    const seconds = (Date.now() - started) / 1000;
    if (run.status === 0) return { notebook, ok: true, seconds, cell: null, error: null };
    const cells = readCells(notebook);
    const named = failingCell(cells, run.stderr);
    if (!named) return { notebook, ok: false, seconds, cell: null, error: tail(run.stderr) };
    await nbconvert(notebook, outDir, true);
    const executed = join(outDir, basename(notebook));
    const after = existsSync(executed) ? readCells(executed) : [];
    const printed = named.errorIn(after);
    return { notebook, ok: false, seconds, cell: named.cell, error: printed ?? tail(run.stderr) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** One line (or a few) per result, as the runner and the test print them. */
export function describeResult(r: NotebookResult): string {
  const name = basename(r.notebook);
  if (r.ok) return `PASS ${name} (${r.seconds.toFixed(1)} s)`;
  const where = r.cell
    ? `cell ${r.cell.index}${r.cell.id ? ` (id ${r.cell.id})` : ''}: ${r.cell.firstLine}`
    : 'no cell named';
  const error = (r.error ?? '').split('\n').map((l) => `    ${l}`);
  return [`FAIL ${name} (${r.seconds.toFixed(1)} s) at ${where}`, ...error].join('\n');
}
