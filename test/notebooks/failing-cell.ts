// Which cell of a notebook failed, from what nbconvert printed (nbclient quotes the source of the
// cell that raised or timed out), and what that cell printed as its error.

export interface NotebookCell {
  cell_type: string;
  id?: string;
  source: string | string[];
  outputs?: {
    output_type: string;
    name?: string;
    text?: string | string[];
    ename?: string;
    evalue?: string;
    traceback?: string[];
  }[];
}

export interface NamedCell {
  /** 1-based position among all cells (markdown included), as Jupyter shows them. */
  index: number;
  id: string | null;
  firstLine: string;
}

const joined = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join('') : (s ?? ''));
const firstLine = (source: string) => source.trim().split('\n')[0] ?? '';

// nbclient's CellExecutionError and CellTimeoutError messages (nbclient/exceptions.py).
const RAISED = /An error occurred while executing the following cell:\n-{18}\n([\s\S]*?)\n-{18}\n/;
const TIMED_OUT = /A cell timed out[\s\S]*?preview of the cell contents:\n-{19}\n([\s\S]*?)\n-{19}/;

/** The quoted source of the failing cell in nbconvert's output, or null (e.g. the kernel died). */
export function quotedSource(log: string): string | null {
  return RAISED.exec(log)?.[1] ?? TIMED_OUT.exec(log)?.[1] ?? null;
}

/**
 * Finds the cell nbconvert quoted: by its whole source, else (a long cell's timeout preview is
 * abridged) by its first line. Returns the cell and a reader of its error in the executed copy.
 */
export function failingCell(
  cells: readonly NotebookCell[],
  log: string,
): { cell: NamedCell; errorIn: (executed: readonly NotebookCell[]) => string | null } | null {
  const quoted = quotedSource(log);
  if (quoted === null) return null;
  const code = cells.map((c, i) => [c, i] as const).filter(([c]) => c.cell_type === 'code');
  const exact = code.find(([c]) => joined(c.source).trim() === quoted.trim());
  const loose = code.find(([c]) => {
    const line = firstLine(joined(c.source));
    return line.length > 0 && quoted.includes(line);
  });
  const hit = exact ?? loose;
  if (!hit) return null;
  const [c, i] = hit;
  return {
    cell: { index: i + 1, id: c.id ?? null, firstLine: firstLine(joined(c.source)) },
    errorIn: (executed) => cellError(executed[i]),
  };
}

// Stack frames of the kernel itself (tslab's executor, node:vm) say nothing about the notebook.
const KERNEL_FRAME = /^\s+at .*(node_modules\/tslab\/|\(node:vm:|sigintHandlersWrap)/;

/** What a cell printed as its error: error outputs, else its stderr streams; null if neither. */
export function cellError(cell: NotebookCell | undefined, maxLines = 20): string | null {
  const outputs = cell?.outputs ?? [];
  const errors = outputs
    .filter((o) => o.output_type === 'error')
    .map((o) => [`${o.ename ?? 'Error'}: ${o.evalue ?? ''}`, ...(o.traceback ?? [])].join('\n'));
  const stderr = outputs
    .filter((o) => o.output_type === 'stream' && o.name === 'stderr')
    .map((o) => joined(o.text));
  const text = (errors.length ? errors : stderr).join('\n').trim();
  const lines = text.split('\n').filter((l) => !KERNEL_FRAME.test(l));
  return text ? lines.slice(0, maxLines).join('\n') : null;
}
