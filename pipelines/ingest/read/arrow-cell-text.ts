import { Type, type DataType, type Decimal, type Timestamp } from 'apache-arrow';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` (UTC parts: Arrow dates are day counts without a zone). */
function dateText(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `YYYY-MM-DD HH:MM:SS[.fff]`, with `Z` when the column has a time zone (the value is UTC). */
function timestampText(ms: number, zoned: boolean): string {
  const iso = new Date(ms).toISOString(); // 2024-01-31T12:30:01.250Z
  const [day, time = ''] = iso.slice(0, -1).split('T');
  const [hms, fraction = ''] = time.split('.');
  const digits = fraction.replace(/0+$/, '');
  return `${day} ${hms}${digits ? `.${digits}` : ''}${zoned ? 'Z' : ''}`;
}

/** An unscaled decimal integer (as text) with its scale applied: ("-12345", 2) → "-123.45". */
export function scaledDecimal(unscaled: string, scale: number): string {
  if (scale <= 0) return unscaled + '0'.repeat(-scale);
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

function jsonSafe(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  );
}

/** One Arrow value as staging text; `type` is the column's (dictionary columns give values). */
export function arrowCellText(value: unknown, type: DataType): string | null {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case Type.Date:
      return dateText(Number(value));
    case Type.Timestamp:
      return timestampText(Number(value), Boolean((type as Timestamp).timezone));
    case Type.Decimal:
      return scaledDecimal(String(value), (type as Decimal).scale);
    case Type.Bool:
      return value ? 'true' : 'false';
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
      return Buffer.from(value as Uint8Array).toString('hex');
    default:
      if (typeof value === 'object') return JSON.stringify(jsonSafe(value));
      return String(value);
  }
}
