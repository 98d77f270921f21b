import { columnLetters, type CellNote } from './xlsx-cell-text.ts';

/** Counts formula and error cells so the caller hears about them once, with the first place. */
export class CellNotes {
  private readonly counts = new Map<CellNote, { n: number; first: string }>();

  add(note: CellNote, row: number, column: number): void {
    const seen = this.counts.get(note);
    if (seen) seen.n += 1;
    else this.counts.set(note, { n: 1, first: `${columnLetters(column)}${row}` });
  }

  warnings(sheet: string): string[] {
    const out: string[] = [];
    const at = (note: CellNote) => this.counts.get(note);
    const f = at('formula');
    if (f)
      out.push(
        `${f.n} cell(s) in "${sheet}" hold formulas (first ${f.first}); their cached results were staged`,
      );
    const fr = at('formula_without_result');
    if (fr)
      out.push(
        `${fr.n} formula cell(s) in "${sheet}" have no cached result or an error result such as #N/A (first ${fr.first}); staged as empty`,
      );
    const e = at('error');
    if (e)
      out.push(
        `${e.n} cell(s) in "${sheet}" hold Excel errors such as #N/A (first ${e.first}); staged as the error text`,
      );
    return out;
  }
}
