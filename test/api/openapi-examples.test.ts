import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../../api/app.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../support/fixture-warehouse.ts';

// Walks /api/openapi.json: every operation's success answers and JSON request bodies carry an
// example (on the media type or on its schema), and each JSON example has the fields and types its
// schema asks for, so an example cannot drift from the answer it documents. Binary files (XLSX,
// Parquet, Arrow) cannot carry a useful example; their operation's CSV does. The examples of the
// zod schemas also parse with their own schema, which checks dates, enums and ranges too.

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  example?: unknown;
  examples?: unknown[];
};
type Media = { schema?: Schema; example?: unknown; examples?: Record<string, unknown> };
type Operation = {
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

let doc: Doc;
let wh: Warehouse;
beforeAll(async () => {
  wh = await fixtureWarehouse('kpi-small');
  const app = createApp({ warehouse: wh, version: 'test', log: () => {} });
  doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
});
afterAll(() => wh.close());

const resolve = (s: Schema | undefined): Schema | undefined =>
  s?.$ref ? doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] : s;

function exampleOf(media: Media): unknown {
  if (media.example !== undefined) return media.example;
  const first = media.examples && Object.values(media.examples)[0];
  if (first !== undefined) return (first as { value?: unknown }).value ?? first;
  const s = resolve(media.schema);
  return s?.example ?? s?.examples?.[0];
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Where an example breaks its schema: missing required fields and wrong types, by path. */
function mismatches(value: unknown, schema: Schema | undefined, at: string): string[] {
  const s = resolve(schema);
  if (!s) return [];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const fits = alternatives.some((alt) => mismatches(value, alt, at).length === 0);
    return fits ? [] : [`${at}: fits none of its alternatives`];
  }
  const types = s.type === undefined ? [] : [s.type].flat();
  const t = typeOf(value);
  const ok =
    types.length === 0 || types.includes(t) || (t === 'integer' && types.includes('number'));
  if (!ok) return [`${at}: ${t}, schema says ${types.join('|')}`];
  if (t === 'array' && s.items) {
    return (value as unknown[]).flatMap((v, i) => mismatches(v, s.items, `${at}[${i}]`));
  }
  if (t !== 'object' || !s.properties) return [];
  const obj = value as Record<string, unknown>;
  const missing = (s.required ?? []).filter((k) => !(k in obj)).map((k) => `${at}.${k}: missing`);
  const wrong = Object.entries(obj).flatMap(([k, v]) =>
    mismatches(v, s.properties?.[k], `${at}.${k}`),
  );
  return [...missing, ...wrong];
}

function operations(): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]): [string, Operation] => [
      `${method.toUpperCase()} ${path}`,
      op,
    ]),
  );
}

/** The media types of an operation's 2xx answers that have a body worth an example. */
function successMedia(op: Operation): [string, Media][] {
  return Object.entries(op.responses ?? {})
    .filter(([status]) => status.startsWith('2'))
    .flatMap(([, r]) => Object.entries(r.content ?? {}))
    .filter(([, m]) => resolve(m.schema)?.format !== 'binary');
}

describe('OpenAPI examples', () => {
  it('documents a response example for every operation', () => {
    const lacking = operations()
      .filter(([, op]) => successMedia(op).some(([, m]) => exampleOf(m) === undefined))
      .map(([name]) => name);
    expect(lacking).toEqual([]);
    expect(operations().length).toBeGreaterThan(25);
  });

  it('gives JSON examples the fields and types of their schema', () => {
    const broken = operations().flatMap(([name, op]) =>
      successMedia(op)
        .filter(([type, m]) => type.includes('json') && exampleOf(m) !== undefined)
        .flatMap(([, m]) => mismatches(exampleOf(m), m.schema, name)),
    );
    expect(broken).toEqual([]);
  });

  it('gives every JSON request body an example true to its schema', () => {
    const bodies = operations().flatMap(([name, op]) =>
      Object.entries(op.requestBody?.content ?? {})
        .filter(([type]) => type.includes('json'))
        .map(([, m]): [string, Media] => [name, m]),
    );
    const lacking = bodies.filter(([, m]) => exampleOf(m) === undefined).map(([name]) => name);
    const broken = bodies.flatMap(([name, m]) =>
      exampleOf(m) === undefined ? [] : mismatches(exampleOf(m), m.schema, `${name} body`),
    );
    expect(lacking).toEqual([]);
    expect(broken).toEqual([]);
    expect(bodies.length).toBeGreaterThanOrEqual(5);
  });

  it('parses every schema example of pipelines/schema with its own zod schema', async () => {
    const dir = new URL('../../pipelines/schema/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    const modules = await Promise.all(files.map((f) => import(new URL(f, dir).href)));
    const examples = modules
      .flatMap((m: Record<string, unknown>) => Object.entries(m))
      .filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType)
      .map(
        ([name, schema]) => [name, schema, (schema.meta() as Media | undefined)?.example] as const,
      )
      .filter(([, , example]) => example !== undefined);
    const invalid = examples
      .filter(([, schema, example]) => !schema.safeParse(example).success)
      .map(([name]) => name);
    expect(invalid).toEqual([]);
    expect(examples.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'MilestoneForecast',
        'ModelQuality',
        'CheckResponse',
        'SplitResponse',
      ]),
    );
  });

  it('catches an example that lost a required field', () => {
    const schema: Schema = {
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'number' } },
    };
    expect(mismatches({ b: 1 }, schema, 'x')).toEqual(['x.a: missing']);
    expect(mismatches({ a: 'one' }, schema, 'x')).toEqual(['x.a: string, schema says number']);
  });
});
