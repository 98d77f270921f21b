import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow, queryRows } from '../warehouse/query.ts';

/** A trained model as stored in the `models` table (data/schema/004_models.sql). */
export interface StoredModel<P = unknown> {
  version: number;
  createdAt: string;
  scope: string;
  trainFrom: string | null;
  trainTo: string | null;
  calibrationFrom: string | null;
  calibrationTo: string | null;
  rowsTrained: number;
  features: string[];
  params: P;
  metrics: Record<string, number | null>;
  dataVersion: string | null;
}

export type NewModel<P> = Omit<StoredModel<P>, 'version' | 'createdAt'>;

/** Stores a model as the next version and returns that version. */
export async function saveModel<P>(
  conn: DuckDBConnection,
  model: NewModel<P>,
  createdAt: Date,
): Promise<number> {
  const row = await queryRow<{ v: number }>(
    conn,
    'SELECT (coalesce(max(version), 0) + 1)::INTEGER AS v FROM models',
  );
  const version = row?.v ?? 1;
  await conn.run(
    `INSERT INTO models VALUES ($version, $createdAt::TIMESTAMP, $scope, $trainFrom::DATE, $trainTo::DATE,
       $calFrom::DATE, $calTo::DATE, $rows, $features::JSON, $params::JSON, $metrics::JSON, $dataVersion)`,
    {
      version,
      createdAt: createdAt.toISOString().replace('T', ' ').replace('Z', ''),
      scope: model.scope,
      trainFrom: model.trainFrom,
      trainTo: model.trainTo,
      calFrom: model.calibrationFrom,
      calTo: model.calibrationTo,
      rows: model.rowsTrained,
      features: JSON.stringify(model.features),
      params: JSON.stringify(model.params),
      metrics: JSON.stringify(model.metrics),
      dataVersion: model.dataVersion,
    },
  );
  return version;
}

const columns = `version, created_at::VARCHAR AS created_at, scope, train_from::VARCHAR AS train_from,
  train_to::VARCHAR AS train_to, calibration_from::VARCHAR AS calibration_from,
  calibration_to::VARCHAR AS calibration_to, rows_trained, features::VARCHAR AS features,
  metrics::VARCHAR AS metrics, data_version`;

interface Row {
  version: number;
  created_at: string;
  scope: string;
  train_from: string | null;
  train_to: string | null;
  calibration_from: string | null;
  calibration_to: string | null;
  rows_trained: number;
  features: string;
  metrics: string;
  data_version: string | null;
  params?: string;
}

function fromRow<P>(r: Row): StoredModel<P> {
  return {
    version: r.version,
    createdAt: r.created_at,
    scope: r.scope,
    trainFrom: r.train_from,
    trainTo: r.train_to,
    calibrationFrom: r.calibration_from,
    calibrationTo: r.calibration_to,
    rowsTrained: r.rows_trained,
    features: JSON.parse(r.features) as string[],
    params: (r.params ? JSON.parse(r.params) : null) as P,
    metrics: JSON.parse(r.metrics) as Record<string, number | null>,
    dataVersion: r.data_version,
  };
}

/** The newest model with its parameters, or undefined when none was trained. */
export async function latestModel<P>(conn: DuckDBConnection): Promise<StoredModel<P> | undefined> {
  const row = await queryRow<Row>(
    conn,
    `SELECT ${columns}, params::VARCHAR AS params FROM models ORDER BY version DESC LIMIT 1`,
  );
  return row ? fromRow<P>(row) : undefined;
}

/** Every stored model without its (large) parameters, newest first. */
export async function listModels(conn: DuckDBConnection): Promise<StoredModel<null>[]> {
  const rows = await queryRows<Row>(conn, `SELECT ${columns} FROM models ORDER BY version DESC`);
  return rows.map((r) => fromRow<null>(r));
}
