// Sample values for the read routes' parameters, shared by the generated isolation tests
// (isolation.test.ts, isolation-aggregates.test.ts): a route with a path or required query
// parameter that has no sample here makes them fail until one is added.
import type { Tenant } from '../support/two-brand-warehouse.ts';

/** A path parameter's value for a tenant, by parameter name or, for `{id}`, by the resource. */
export const idOf: Record<string, (t: Tenant) => string> = {
  loadId: (t) => t.loadIds[1]!,
  imports: (t) => t.loadIds[1]!,
  loads: (t) => t.loadIds[1]!,
  projectId: (t) => t.projectId,
  projects: (t) => t.projectId,
  // The last one is still open: forecasts exist only for open milestones.
  milestoneId: (t) => t.milestoneIds.at(-1)!,
  milestones: (t) => t.milestoneIds.at(-1)!,
  partnerId: (t) => t.partnerId,
  partners: (t) => t.partnerId,
  brandId: (t) => t.brandId,
  brands: (t) => t.brandId,
  contractId: (t) => t.contractId,
  contracts: (t) => t.contractId,
};

/** Values for required query parameters, by name. */
export const querySamples: Record<string, string> = {
  asOf: '2024-06-30',
  from: '2024-01',
  to: '2024-06',
  month: '2024-03',
  by: 'partnerKind,cohortQuarter',
};

export interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: { enum?: string[] };
}
export type Operation = { parameters?: Param[] };
export type Doc = { paths: Record<string, Record<string, Operation>> };

/** GET routes as registered (Hono's table), in OpenAPI's {param} spelling. */
export function getRoutesOf(app: { routes: { method: string; path: string }[] }): string[] {
  const paths = app.routes
    .filter((r) => r.method === 'GET' && !r.path.endsWith('*'))
    .map((r) => r.path.replace(/:(\w+)/g, '{$1}'));
  return [...new Set(paths)].sort();
}

/** The OpenAPI GET operation of a registered path, if the API documents it. */
export function operationOf(doc: Doc, path: string): Operation | undefined {
  return path.startsWith('/api/') ? doc.paths[path.slice(4)]?.get : undefined;
}

/** A path with its parameters filled with a tenant's ids. */
export function fill(path: string, t: Tenant): string {
  const segments = path.split('/');
  return segments
    .map((seg, i) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (!m) return seg;
      const key = m[1] === 'id' ? (segments[i - 1] ?? '') : m[1]!;
      const sample = idOf[key];
      if (!sample) throw new Error(`${path}: add a sample for {${m[1]}} to idOf`);
      return encodeURIComponent(sample(t));
    })
    .join('/');
}

/** The required query parameters filled in, once per `format` the route offers. */
export function queryVariants(path: string, op: Operation | undefined): string[] {
  const params = (op?.parameters ?? []).filter((p) => p.in === 'query');
  const required = params.filter((p) => p.required && p.name !== 'format');
  const base = required.map((p) => {
    const v = querySamples[p.name];
    if (v === undefined) throw new Error(`${path}: add a sample for ?${p.name} to querySamples`);
    return `${p.name}=${encodeURIComponent(v)}`;
  });
  const formats = params.find((p) => p.name === 'format')?.schema?.enum ?? [undefined];
  return formats.map((f) => [...base, ...(f ? [`format=${f}`] : [])].join('&'));
}
