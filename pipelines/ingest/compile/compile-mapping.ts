import type { FieldSource, Mapping, MappableField } from '../mapping/mapping-schema.ts';
import { mappableFields } from '../mapping/mapping-schema.ts';
import { failureReasonSql, quoteIdent, quoteLiteral, valueSql } from '../parse/index.ts';
import type { Transform } from '../parse/transform-schema.ts';
import { fieldDefaults, fieldTypes, snake } from './field-types.ts';

/** One reason a row is quarantined, checked in order; the first that holds wins. */
export interface RowCheck {
  when: string;
  rule: string;
  column: string | null;
  value: string;
  message: string;
}

export interface CompiledMapping {
  /** SELECT list over the staged table `s`: typed values `m_<field>` and failure codes `__fail_<i>`. */
  typedColumns: string[];
  /** SELECT list over those: every canonical column (snake_case), defaults filled in. */
  canonicalColumns: string[];
  /** Checks over the canonical row, the failure codes and `__raw` (the staged row as a struct). */
  checks: RowCheck[];
  /** Source columns the mapping needs; a file without one of them is refused as a whole. */
  sourceColumns: string[];
  /** Names of the attribute columns (`attr:<name>`). */
  attributeNames: string[];
}

type Resolved = { field: MappableField; src: FieldSource };

const ref = (col: string) => `s.${quoteIdent(col)}`;
const raw = (col: string) => `__raw.${quoteIdent(col)}`;

function transformOf(field: MappableField, src: { transform?: Transform | undefined }): Transform {
  return src.transform ?? fieldTypes[field].transform;
}

/** SQL for a field's value over the staged row (no defaults applied). */
function fieldValueSql(r: Resolved, all: Partial<Record<MappableField, FieldSource>>): string {
  const { field, src } = r;
  const type = fieldTypes[field].sql;
  if ('constant' in src) return `CAST(${quoteLiteral(String(src.constant))} AS ${type})`;
  if ('lineNumber' in src) return `CAST(${quoteLiteral(src.prefix)} || s.source_line AS ${type})`;
  if ('column' in src)
    return `CAST(${valueSql(transformOf(field, src), ref(src.column))} AS ${type})`;
  const base = all[src.addDays as MappableField];
  if (!base) throw new Error(`addDays: ${src.addDays} is not mapped`);
  const from = fieldValueSql({ field: src.addDays as MappableField, src: base }, all);
  const days = src.days
    .map((d) => valueSql(d.transform ?? { kind: 'number' }, ref(d.column)))
    .join(' + ');
  return `CAST(${from} + CAST(ceil((${days}) * ${Number(src.scale)}) AS INTEGER) AS DATE)`;
}

/** Compiles a validated mapping into SQL pieces; identifiers and literals are quoted, never pasted. */
export function compileMapping(mapping: Mapping, brandOverride?: string): CompiledMapping {
  const fields = mapping.fields;
  const resolved: Resolved[] = mappableFields.flatMap((f) =>
    fields[f] ? [{ field: f, src: fields[f] }] : [],
  );
  const brandSrc: FieldSource | undefined = brandOverride
    ? { constant: brandOverride }
    : mapping.brand;
  if (!brandSrc) throw new Error('no brand: give --brand or a "brand" in the mapping');
  const failures = resolved.filter((r) => 'column' in r.src);
  const attributeNames = Object.keys(mapping.attributes);
  const typedColumns = [
    `${brandSql(brandSrc)} AS m_brand_id`,
    ...resolved.map((r) => `${fieldValueSql(r, fields)} AS m_${snake(r.field)}`),
    ...failures.map(
      (r, i) =>
        `${failureReasonSql(transformOf(r.field, r.src as { transform?: Transform }), ref((r.src as { column: string }).column))} AS __fail_${i}`,
    ),
    `${mapping.versions ? valueSql(mapping.versions.transform ?? { kind: 'date', format: 'auto' }, ref(mapping.versions.column)) : 'NULL'} AS __version`,
    ...attributeNames.map((name) => {
      const a = mapping.attributes[name] as { column: string; transform?: Transform };
      return `${valueSql(a.transform ?? { kind: 'text' }, ref(a.column))} AS ${quoteIdent(`attr:${name}`)}`;
    }),
  ];
  return {
    typedColumns,
    canonicalColumns: canonicalColumns(new Set(resolved.map((r) => r.field))),
    checks: buildChecks(mapping, failures),
    sourceColumns: sourceColumnsOf(mapping, brandSrc),
    attributeNames,
  };
}

/** Canonical columns in an order where every default refers only to columns before it. */
const canonicalOrder: MappableField[] = [...mappableFields.filter((f) => f !== 'status'), 'status'];

function canonicalColumns(mapped: Set<MappableField>): string[] {
  const cols = canonicalOrder.map((f) => {
    const name = snake(f);
    const fallback = fieldDefaults[f] ?? `NULL::${fieldTypes[f].sql}`;
    return mapped.has(f) ? `coalesce(m_${name}, ${fallback}) AS ${name}` : `${fallback} AS ${name}`;
  });
  return ['m_brand_id AS brand_id', ...cols];
}

function brandSql(src: FieldSource): string {
  if ('constant' in src) return quoteLiteral(String(src.constant));
  if ('column' in src)
    return valueSql(src.transform ?? { kind: 'text', maxLength: 128 }, ref(src.column));
  throw new Error('brand cannot be derived with addDays');
}

function sourceColumnsOf(mapping: Mapping, brand: FieldSource): string[] {
  const cols = new Set<string>();
  const add = (s: FieldSource) => {
    if ('column' in s) cols.add(s.column);
    if ('days' in s) s.days.forEach((d) => cols.add(d.column));
  };
  add(brand);
  Object.values(mapping.fields).forEach((s) => s && add(s));
  Object.values(mapping.attributes).forEach((a) => cols.add(a.column));
  mapping.exclude.forEach((e) => cols.add(e.column));
  if (mapping.versions) cols.add(mapping.versions.column);
  return [...cols];
}

function buildChecks(mapping: Mapping, failures: Resolved[]): RowCheck[] {
  const checks: RowCheck[] = mapping.exclude.map((e) => ({
    when: `trim(${raw(e.column)}) IN (${e.equals.map(quoteLiteral).join(', ')})`,
    rule: quoteLiteral(e.reason),
    column: e.column,
    value: raw(e.column),
    message: `excluded by the mapping (${e.column} is ${e.equals.join(' or ')})`,
  }));
  failures.forEach(({ field, src }, i) => {
    const column = (src as { column: string }).column;
    const t = transformOf(field, src as { transform?: Transform });
    checks.push({
      when: `__fail_${i} IS NOT NULL`,
      rule: `__fail_${i}`,
      column,
      value: raw(column),
      message: `${field}: the value cannot be read as ${describe(t)}`,
    });
  });
  checks.push(...requiredChecks(mapping), ...planChecks());
  return checks;
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
