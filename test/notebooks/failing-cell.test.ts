import { describe, expect, it } from 'vitest';
import { cellError, failingCell, quotedSource, type NotebookCell } from './failing-cell.ts';

const cells: NotebookCell[] = [
  { cell_type: 'markdown', source: ['# Title'] },
  { cell_type: 'code', id: 'a', source: ['const x = 1;\n', 'console.log(x);'] },
  { cell_type: 'code', id: 'b', source: "const y = 2;\nthrow new Error('bad');" },
];

const raised = `[NbConvertApp] Converting notebook x.ipynb to notebook
Traceback (most recent call last):
nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:
------------------
const y = 2;
throw new Error('bad');
------------------


<Error>: 
`;

describe('failing cell', () => {
  it('finds the cell nbclient quoted when a cell raised', () => {
    expect(quotedSource(raised)).toBe("const y = 2;\nthrow new Error('bad');");
    expect(failingCell(cells, raised)?.cell).toEqual({
      index: 3,
      id: 'b',
      firstLine: 'const y = 2;',
    });
  });

  it('finds a timed-out cell from its abridged preview by its first line', () => {
    const long = Array.from({ length: 12 }, (_, i) => `const v${i} = ${i};`);
    const timedOut = `nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 150 seconds.
The message was: Cell execution timed out.
Here is a preview of the cell contents:
-------------------
${JSON.stringify(long.slice(0, 5)).replaceAll('"', "'")}
...
${JSON.stringify(long.slice(-5)).replaceAll('"', "'")}
-------------------
`;
    const withLong = [...cells, { cell_type: 'code', id: 'c', source: long.join('\n') }];
    expect(failingCell(withLong, timedOut)?.cell.id).toBe('c');
  });

  it('names no cell when the kernel died before any cell ran', () => {
    expect(failingCell(cells, 'RuntimeError: Kernel died before replying to kernel_info')).toBe(
      null,
    );
  });

  it('quotes error outputs, else stderr, without the kernel’s own stack frames', () => {
    const stderr: NotebookCell = {
      cell_type: 'code',
      source: '',
      outputs: [
        { output_type: 'stream', name: 'stdout', text: 'noise\n' },
        {
          output_type: 'stream',
          name: 'stderr',
          text: [
            'Error: bad\n',
            '    at evalmachine.<anonymous>:5:7\n',
            '    at Object.execute (/x/node_modules/tslab/dist/executor.js:160:38)\n',
          ],
        },
      ],
    };
    expect(cellError(stderr)).toBe('Error: bad\n    at evalmachine.<anonymous>:5:7');
    const error: NotebookCell = {
      cell_type: 'code',
      source: '',
      outputs: [{ output_type: 'error', ename: 'TypeError', evalue: 'x is undefined' }],
    };
    expect(cellError(error)).toBe('TypeError: x is undefined');
    expect(cellError({ cell_type: 'code', source: '', outputs: [] })).toBeNull();
  });
});
