import type { JoinSpec, Mapping, MappableField } from '../mapping/mapping-schema.ts';
import { quoteIdent, quoteLiteral } from '../parse/index.ts';
import type { Transform } from '../parse/transform-schema.ts';

/** One reason a row is quarantined, checked in order; the first that holds wins. */
export interface RowCheck {
  when: string;
  rule: string;
  column: string | null;
  value: string;
  message: string;
}

/** A source cell a field is read from; `value` is SQL over the typed row, NULL when unreadable. */
export interface ReadCell {
  field: MappableField;
  column: string;
  transform: Transform;
  value: string;
}

/** Column of a joined row: how many different rows of the second file share its key (0, 1, more). */
export const JOIN_ROWS = '__join_rows';

/** A cell of the staged row, inside the typed-rows statement. */
export const raw = (col: string) => `__raw.${quoteIdent(col)}`;

/**
 * The checks of a row in order: rows the mapping excludes, join problems, cells that cannot be
 * read (`__fail_<i>`, one per read cell), required fields, then contradictions in the plan.
 */
export function buildChecks(mapping: Mapping, cells: ReadCell[]): RowCheck[] {
  const checks: RowCheck[] = mapping.exclude.map((e) => ({
    when: `trim(${raw(e.column)}) IN (${e.equals.map(quoteLiteral).join(', ')})`,
    rule: quoteLiteral(e.reason),
    column: e.column,
    value: raw(e.column),
    message: `excluded by the mapping (${e.column} is ${e.equals.join(' or ')})`,
  }));
  if (mapping.join) checks.push(...joinChecks(mapping.join));
  cells.forEach(({ field, column, transform }, i) => {
    checks.push({
      when: `__fail_${i} IS NOT NULL`,
      rule: `__fail_${i}`,
      column,
      value: raw(column),
      message: `${field}: the value cannot be read as ${describe(transform)}`,
    });
  });
  checks.push(...requiredChecks(mapping), ...planChecks());
  return checks;
}

function joinChecks(join: JoinSpec): RowCheck[] {
  const key = join.on[0] as string;
  const keys = join.on.join(', ');
  const rows = `__raw.${quoteIdent(JOIN_ROWS)}`;
  const ambiguous: RowCheck = {
    when: `${rows} > 1`,
    rule: `'join_ambiguous'`,
    column: key,
    value: raw(key),
    message: `the joined file has different rows for this ${keys}, so it is unclear which one belongs here`,
  };
  const unmatched: RowCheck = {
    when: `${rows} = 0`,
    rule: `'join_unmatched'`,
    column: key,
    value: raw(key),
    message: `no row of the joined file has this ${keys}`,
  };
  return join.required ? [ambiguous, unmatched] : [ambiguous];
}

function describe(t: Transform): string {
  if (t.kind === 'date') return `a date (${t.format})`;
  if (t.kind === 'vocabulary')
    return `a known ${typeof t.vocabulary === 'string' ? t.vocabulary.replace('_', ' ') : 'label'}`;
  return t.kind === 'integer'
    ? 'a whole number'
    : t.kind === 'text'
      ? 'text'
      : `a ${t.kind} amount`;
}

function requiredChecks(mapping: Mapping): RowCheck[] {
  return (['brand_id', 'milestone_id', 'partner_id', 'baseline_due'] as const).map((col) => {
    const field =
      col === 'brand_id' ? 'brand' : col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const src = field === 'brand' ? mapping.brand : mapping.fields[field as MappableField];
    const column = src && 'column' in src ? src.column : null;
    return {
      when: `${col} IS NULL`,
      rule: `'missing_required'`,
      column,
      value: column ? raw(column) : 'NULL',
      message: `${field} is required but empty`,
    };
  });
}

function planChecks(): RowCheck[] {
  return [
    {
      when: 'amount < 0',
      rule: `'negative_amount'`,
      column: null,
      value: 'amount::VARCHAR',
      message: 'amount is negative',
    },
    {
      when: 'planned_start > baseline_due',
      rule: `'due_before_start'`,
      column: null,
      value: `planned_start::VARCHAR || ' > ' || baseline_due::VARCHAR`,
      message: 'the baseline due date is before the planned start',
    },
    {
      when: 'approved_date < submitted_date',
      rule: `'approved_before_submitted'`,
      column: null,
      value: `submitted_date::VARCHAR || ' > ' || approved_date::VARCHAR`,
      message: 'approved before it was submitted',
    },
  ];
}
