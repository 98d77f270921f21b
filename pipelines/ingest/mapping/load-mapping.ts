import { existsSync, readFileSync } from 'node:fs';
import { repoRoot } from '../../config.ts';
import { Mapping } from './mapping-schema.ts';

export const mappingsDir = `${repoRoot}data/mappings`;

export class MappingError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** Validates a mapping object; the error lists every problem with its path. */
export function parseMapping(input: unknown, where = 'mapping'): Mapping {
  const parsed = Mapping.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.join('.') || '(top)',
    message: i.message,
  }));
  const list = issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
  throw new MappingError(`Invalid ${where}:\n${list}`, issues);
}

/** A shipped mapping by name (data/mappings/<name>.json) or a path to a JSON file. */
export function loadMapping(nameOrPath: string): Mapping {
  const path = /[/\\]|\.json$/.test(nameOrPath) ? nameOrPath : `${mappingsDir}/${nameOrPath}.json`;
  if (!existsSync(path)) {
    throw new MappingError(`No mapping '${nameOrPath}' (looked for ${path})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new MappingError(`Mapping ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseMapping(json, `mapping ${path}`);
}
