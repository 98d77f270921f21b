import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import * as A from 'apache-arrow';

/**
 * The Arrow type of a DuckDB result column, and how to turn a DuckDB JS value into what Arrow's
 * builders take. Exports cast at the edge, so only these types occur; anything else is written
 * as its text.
 */
export function arrowTypeOf(t: DuckDBType): { type: A.DataType; convert: (v: unknown) => unknown } {
  switch (t.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { type: new A.Bool(), convert: (v) => v };
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.UTINYINT:
      return { type: new A.Int32(), convert: (v) => v };
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.FLOAT:
      return { type: new A.Float64(), convert: (v) => v };
    case DuckDBTypeId.DATE:
      return { type: new A.DateDay(), convert: (v) => v };
    case DuckDBTypeId.BIGINT:
      return { type: new A.Float64(), convert: (v) => (v === null ? null : Number(v)) };
    default:
      return { type: new A.Utf8(), convert: (v) => (v === null ? null : String(v)) };
  }
}
