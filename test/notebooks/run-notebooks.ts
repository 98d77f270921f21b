// `npm run notebooks [-- name ...]`: executes every notebook (or the named ones) headless, one at a
// time, prints PASS/FAIL per notebook (a failure names its cell and quotes the error) and, as the
// last line, `N passed, N failed`. Exits 1 when any notebook failed or could not run.
import { basename } from 'node:path';
import {
  describeResult,
  listNotebooks,
  notebookToolsProblem,
  runNotebook,
} from './notebook-runner.ts';

const wanted = process.argv.slice(2).map((a) => a.replace(/\.ipynb$/, ''));
const notebooks = listNotebooks().filter(
  (n) => wanted.length === 0 || wanted.includes(basename(n, '.ipynb')),
);

let passed = 0;
let failed = 0;
const problem = notebookToolsProblem();
if (problem) {
  console.log(`cannot run notebooks: ${problem}`);
  failed = notebooks.length;
} else {
  for (const notebook of notebooks) {
    const result = await runNotebook(notebook);
    console.log(describeResult(result));
    if (result.ok) passed++;
    else failed++;
  }
}
if (notebooks.length === 0) console.log(`no notebooks matched ${wanted.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || notebooks.length === 0 ? 1 : 0;
