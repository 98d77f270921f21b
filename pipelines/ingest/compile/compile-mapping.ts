import type { FieldSource, Mapping, MappableField } from '../mapping/mapping-schema.ts';
import { mappableFields } from '../mapping/mapping-schema.ts';
import { failureReasonSql, quoteIdent, quoteLiteral, valueSql } from '../parse/index.ts';
import type { Transform } from '../parse/transform-schema.ts';
import { fieldDefaults, fieldTypes, snake } from './field-types.ts';
import { buildChecks, raw, type ReadCell, type RowCheck } from './row-checks.ts';

export { JOIN_ROWS, type RowCheck } from './row-checks.ts';

export interface CompiledMapping {
  /** SELECT list over the staged row `s`: typed values `m_<field>`, `__version`, `"attr:<name>"`. */
  typedColumns: string[];
  /** SELECT list over those: every canonical column (snake_case), defaults filled in. */
  canonicalColumns: string[];
  /** Names of the canonical columns, in order. */
  canonicalNames: string[];
  /**
   * SELECT list over the typed row: why a mapped cell could not be read (`__fail_<i>`). Only a
   * cell whose value is NULL although the cell is not is looked at again, so clean rows pay nothing.
   */
  failureColumns: string[];
  /** Checks over the canonical row, the failure codes and `__raw` (the staged row as a struct). */
  checks: RowCheck[];
  /** Source columns the mapping needs; a file without one of them is refused as a whole. */
  sourceColumns: string[];
  /** Names of the attribute columns (`attr:<name>`). */
  attributeNames: string[];
  /** Canonical fields the mapping fills (others are defaults or NULL). */
  mappedFields: ReadonlySet<MappableField>;
  /**
   * A field is made from the row's line number (`lineNumber`), so the typed columns need
   * `s.source_line` set when they are computed (no fused read, stage-types.ts).
   */
  readsSourceLine: boolean;
}

type Resolved = { field: MappableField; src: FieldSource };

const ref = (col: string) => `s.${quoteIdent(col)}`;

function transformOf(field: MappableField, src: { transform?: Transform | undefined }): Transform {
  return src.transform ?? fieldTypes[field].transform;
}

/** SQL for a field's value over the staged row (no defaults applied). */
function fieldValueSql(r: Resolved, all: Partial<Record<MappableField, FieldSource>>): string {
  const { field, src } = r;
  const type = fieldTypes[field].sql;
  if ('constant' in src) return `CAST(${quoteLiteral(String(src.constant))} AS ${type})`;
  if ('lineNumber' in src) return `CAST(${quoteLiteral(src.prefix)} || s.source_line AS ${type})`;
  if ('column' in src) {
    const value = valueSql(transformOf(field, src), ref(src.column));
    const scaled = src.scale === undefined ? value : `${value} * ${Number(src.scale)}`;
    if (!src.fallback) return `CAST(${scaled} AS ${type})`;
    const other = valueSql(transformOf(field, src.fallback), ref(src.fallback.column));
    return `CAST(coalesce(${scaled}, ${src.scale === undefined ? other : `${other} * ${Number(src.scale)}`}) AS ${type})`;
  }
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
  const cells = readCells(resolved);
  const attributeNames = Object.keys(mapping.attributes);
  const typedColumns = [
    `${brandSql(brandSrc)} AS m_brand_id`,
    ...resolved.map((r) => `${fieldValueSql(r, fields)} AS m_${snake(r.field)}`),
    `${mapping.versions ? valueSql(mapping.versions.transform ?? { kind: 'date', format: 'auto' }, ref(mapping.versions.column)) : 'NULL'} AS __version`,
    ...attributeNames.map((name) => {
      const a = mapping.attributes[name] as { column: string; transform?: Transform };
      return `${valueSql(a.transform ?? { kind: 'text' }, ref(a.column))} AS ${quoteIdent(`attr:${name}`)}`;
    }),
  ];
  const mapped = new Set(resolved.map((r) => r.field));
  return {
    typedColumns,
    canonicalColumns: canonicalColumns(mapped),
    canonicalNames: ['brand_id', ...canonicalOrder.map(snake)],
    failureColumns: cells.map((c, i) => failureSql(c, i)),
    checks: buildChecks(mapping, cells),
    sourceColumns: sourceColumnsOf(mapping, brandSrc),
    attributeNames,
    mappedFields: mapped,
    readsSourceLine: resolved.some((r) => 'lineNumber' in r.src),
  };
}

/**
 * The cells a row's fields are read from, each with SQL (over the typed row) that is NULL when the
 * cell gave no value: the field's typed value, or for a column with a fallback, its own value.
 */
function readCells(resolved: Resolved[]): ReadCell[] {
  return resolved.flatMap(({ field, src }) => {
    if (!('column' in src)) return [];
    const t = transformOf(field, src);
    const own = src.fallback ? valueSql(t, raw(src.column)) : `m_${snake(field)}`;
    const cells: ReadCell[] = [{ field, column: src.column, transform: t, value: own }];
    if (src.fallback) {
      const ft = transformOf(field, src.fallback);
      const value = valueSql(ft, raw(src.fallback.column));
      cells.push({ field, column: src.fallback.column, transform: ft, value });
    }
    return cells;
  });
}

/** The reason a mapped cell failed, computed only where its value came out NULL. */
function failureSql(c: ReadCell, i: number): string {
  const cell = raw(c.column);
  return `CASE WHEN ${c.value} IS NULL AND ${cell} IS NOT NULL THEN ${failureReasonSql(c.transform, cell)} END AS __fail_${i}`;
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
    if ('fallback' in s && s.fallback) cols.add(s.fallback.column);
    if ('days' in s) s.days.forEach((d) => cols.add(d.column));
  };
  add(brand);
  Object.values(mapping.fields).forEach((s) => s && add(s));
  Object.values(mapping.attributes).forEach((a) => cols.add(a.column));
  mapping.exclude.forEach((e) => cols.add(e.column));
  if (mapping.versions) cols.add(mapping.versions.column);
  return [...cols];
}
