import type { DuckDBConnection } from '@duckdb/node-api';
import { dataAsOf } from '../../kpi/data-as-of.ts';
import type { BrandScope } from '../../kpi/filter-sql.ts';
import { queryRow } from '../../warehouse/query.ts';
import { milestoneTable, type MilestoneTable } from '../features/milestone-table.ts';
import { productModelFrom, type ProductModel, type ProductModelParams } from '../product-model.ts';
import { latestModel } from '../registry.ts';
import { forecastRows, openRows, type OpenMilestoneForecast } from './milestone-forecasts.ts';

/** The newest model, the scoped milestone table and the forecasts of its open milestones. */
export interface ForecastContext {
  version: number;
  asOf: string;
  model: ProductModel;
  table: MilestoneTable;
  open: OpenMilestoneForecast[];
  byId: Map<string, OpenMilestoneForecast>;
  rowOf: Map<string, number>;
}

export interface ForecastCache {
  /** The context for a brand scope; undefined when no model has been trained yet. */
  get(conn: DuckDBConnection, scope: BrandScope): Promise<ForecastContext | undefined>;
}

async function dataVersion(conn: DuckDBConnection): Promise<string> {
  const row = await queryRow<{ v: string | null }>(
    conn,
    `SELECT count(*)::VARCHAR || '/' || coalesce(max(finished_at)::VARCHAR, '') AS v FROM loads`,
  );
  return row?.v ?? '';
}

/**
 * Forecasting every open milestone takes a second on the demo warehouse, so contexts are kept
 * per (model version, data version, as-of date, brand scope) and rebuilt only when one changes.
 * History features are computed within the caller's scope: one brand's forecasts never draw on
 * another brand's milestones (the model's parameters are learnt across brands).
 */
export function createForecastCache(maxEntries = 8): ForecastCache {
  const entries = new Map<string, Promise<ForecastContext | undefined>>();
  const models = new Map<number, ProductModel>();
  return {
    async get(conn, scope) {
      const stored = await queryRow<{ version: number }>(
        conn,
        'SELECT max(version) AS version FROM models',
      );
      const version = stored?.version ?? null;
      if (version === null) return undefined;
      const asOf = (await dataAsOf(conn)) ?? new Date(0).toISOString().slice(0, 10);
      const key = [
        version,
        await dataVersion(conn),
        asOf,
        scope ? [...scope].sort().join(',') : '*',
      ].join('|');
      let entry = entries.get(key);
      if (!entry) {
        entry = build(conn, scope, asOf, models).catch((err: unknown) => {
          entries.delete(key);
          throw err;
        });
        entries.set(key, entry);
        while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return entry;
    },
  };
}

async function build(
  conn: DuckDBConnection,
  scope: BrandScope,
  asOf: string,
  models: Map<number, ProductModel>,
): Promise<ForecastContext | undefined> {
  const stored = await latestModel<ProductModelParams>(conn);
  if (!stored) return undefined;
  let model = models.get(stored.version);
  if (!model) {
    model = productModelFrom(stored.params);
    models.clear();
    models.set(stored.version, model);
  }
  const table = await milestoneTable(conn, {
    asOf,
    scope,
    shrinkK: 10,
  });
  const open = forecastRows(model, table, openRows(table), asOf);
  return {
    version: stored.version,
    asOf,
    model,
    table,
    open,
    byId: new Map(open.map((f) => [f.milestoneId, f])),
    rowOf: new Map(table.ids.map((id, i) => [id, i])),
  };
}
