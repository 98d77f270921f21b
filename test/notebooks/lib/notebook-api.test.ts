// The notebooks reach the project only through notebook-api.ts (`mp.`) and advice-api.ts (`ad.`),
// untyped inside the cells: this checks, without a kernel, that every name a cell calls exists.
import { describe, expect, it } from 'vitest';
import * as advice from '../../../notebooks/lib/advice-api.ts';
import * as notebookApi from '../../../notebooks/lib/notebook-api.ts';
import { listNotebooks, readCells } from '../notebook-runner.ts';

function namesCalled(prefix: string): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const path of listNotebooks()) {
    for (const cell of readCells(path).filter((c) => c.cell_type === 'code')) {
      const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
      for (const m of source.matchAll(new RegExp(`\\b${prefix}\\.(\\w+)`, 'g'))) {
        const name = m[1] ?? '';
        used.set(name, [...(used.get(name) ?? []), path.split('/').at(-1) ?? path]);
      }
    }
  }
  return used;
}

describe('what the notebooks call', () => {
  it.each([
    ['mp', notebookApi],
    ['ad', advice],
  ] as const)('is exported for `%s.`', (prefix, module) => {
    const used = namesCalled(prefix);
    expect(used.size).toBeGreaterThan(prefix === 'mp' ? 10 : 3);
    const missing = [...used.keys()].filter((name) => !(name in module));
    expect(missing, `not exported: ${missing.join(', ')}`).toEqual([]);
  });
});
