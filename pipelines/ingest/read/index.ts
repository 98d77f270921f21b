export { stageFile } from './stage-file.ts';
export { IngestReadError, type ReadErrorCode } from './read-error.ts';
export type {
  ReadSpecInput as ReadSpec,
  StageOptionsInput as StageOptions,
  FileFormat,
} from './read-spec.ts';
export type { StageResult, RejectedRow, FusedRead } from './stage-types.ts';
export type { TextEncoding } from './detect-encoding.ts';
export { SOURCE_LINE } from './column-names.ts';
