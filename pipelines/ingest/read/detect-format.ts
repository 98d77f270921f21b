import { extname } from 'node:path';
import { readError } from './read-error.ts';
import type { FileFormat } from './read-spec.ts';

const BY_EXTENSION: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.arrow': 'arrow',
  '.arrows': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
};

type Sniffed = FileFormat | 'xls' | 'gzip' | undefined;

/** What the first bytes say; undefined for plain text that is not JSON. */
export function sniffMagic(head: Buffer): Sniffed {
  const ascii = head.subarray(0, 8).toString('latin1');
  if (ascii.startsWith('PK\x03\x04')) return 'xlsx';
  if (ascii.startsWith('PAR1')) return 'parquet';
  if (ascii.startsWith('ARROW1')) return 'arrow';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xffffffff) return 'arrow'; // IPC stream
  if (ascii.startsWith('\xd0\xcf\x11\xe0')) return 'xls';
  if (ascii.startsWith('\x1f\x8b')) return 'gzip';
  return sniffJson(head);
}

function sniffJson(head: Buffer): 'json' | 'ndjson' | undefined {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === '[') return 'json';
  if (first !== '{') return undefined;
  const firstLine = text.trimStart().split(/\r?\n/, 1)[0] ?? '';
  try {
    JSON.parse(firstLine);
    return 'ndjson';
  } catch {
    return 'json';
  }
}

const BINARY: readonly Sniffed[] = ['xlsx', 'parquet', 'arrow', 'xls', 'gzip'];

/** The concrete format: declared, else magic bytes, else the extension, else CSV-ish text. */
export function resolveFormat(
  path: string,
  declared: FileFormat | 'auto',
  head: Buffer,
): { format: FileFormat; warnings: string[] } {
  const sniffed = sniffMagic(head);
  refuseUnsupported(path, sniffed);
  if (declared !== 'auto') {
    const textual = declared === 'csv' || declared === 'tsv' || declared.includes('json');
    if (textual && BINARY.includes(sniffed)) {
      throw readError(
        'unsupported_format',
        `${path} was declared ${declared} but its first bytes are those of a ${String(sniffed)} file`,
      );
    }
    return { format: declared, warnings: [] };
  }
  const byExtension = BY_EXTENSION[extname(path).toLowerCase()];
  const format = sniffed ?? byExtension ?? 'csv';
  const warnings =
    byExtension !== undefined && sniffed !== undefined && !sameFamily(byExtension, sniffed)
      ? [
          `${path} is named like a ${byExtension} file but its content is ${sniffed}; read as ${sniffed}`,
        ]
      : [];
  return { format, warnings };
}

function sameFamily(a: FileFormat, b: FileFormat): boolean {
  const family = (f: FileFormat) => (f === 'json' || f === 'ndjson' ? 'json' : f);
  return family(a) === family(b);
}

function refuseUnsupported(
  path: string,
  sniffed: Sniffed,
): asserts sniffed is FileFormat | undefined {
  if (sniffed === 'xls') {
    throw readError(
      'unsupported_format',
      `${path} is an old Excel .xls workbook; save it as .xlsx or CSV and import that`,
    );
  }
  if (sniffed === 'gzip') {
    throw readError('unsupported_format', `${path} is gzip-compressed; decompress it first`);
  }
}
