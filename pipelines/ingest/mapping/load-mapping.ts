import { existsSync, readFileSync } from 'node:fs';
import { YAMLParseError, parse as parseYaml } from 'yaml';
import { repoRoot } from '../../config.ts';
import { Mapping } from './mapping-schema.ts';

export const mappingsDir = `${repoRoot}data/mappings`;

/** The file names a mapping may have, in the order a name is looked up. */
export const MAPPING_EXTENSIONS = ['.json', '.yaml', '.yml'] as const;

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

export type MappingFormat = 'json' | 'yaml';

/** The format a mapping file's name says (.yaml or .yml: YAML; anything else: JSON). */
export function mappingFormatOf(path: string): MappingFormat {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
}

/**
 * A mapping's text, JSON or YAML, parsed and validated. YAML is read as YAML 1.2 (its core
 * schema: `no`, `off` and `2024-03-05` stay strings, as in JSON), with duplicate keys refused
 * and aliases capped, so a YAML mapping means exactly what the same mapping in JSON means.
 */
export function parseMappingText(text: string, format: MappingFormat, where = 'mapping'): Mapping {
  let value: unknown;
  try {
    value =
      format === 'json'
        ? JSON.parse(text)
        : parseYaml(text, { version: '1.2', schema: 'core', uniqueKeys: true, maxAliasCount: 100 });
  } catch (err) {
    // YAML's message goes on to draw the line with a caret under it: its first line says where
    // (and ends with the colon that introduced the drawing).
    const message = (err as Error).message;
    const detail =
      err instanceof YAMLParseError ? message.split('\n')[0]!.replace(/:\s*$/, '') : message;
    throw new MappingError(`${where} is not valid ${format.toUpperCase()}: ${detail}`);
  }
  return parseMapping(value, where);
}

/**
 * The file of mapping `name` in `dir`: <name>.json, .yaml or .yml, the first that exists (so a
 * name with several files means one of them everywhere), with the paths looked at.
 */
export function mappingFileIn(dir: string, name: string): { path?: string; looked: string[] } {
  const looked = MAPPING_EXTENSIONS.map((ext) => `${dir}/${name}${ext}`);
  return { path: looked.find((p) => existsSync(p)), looked };
}

/**
 * A shipped mapping by name (mappingFileIn data/mappings) or a path to a mapping file (.yaml or
 * .yml: YAML, else JSON).
 */
export function loadMapping(nameOrPath: string): Mapping {
  const isPath = /[/\\]|\.(json|ya?ml)$/i.test(nameOrPath);
  const { path, looked } = isPath
    ? { path: existsSync(nameOrPath) ? nameOrPath : undefined, looked: [nameOrPath] }
    : mappingFileIn(mappingsDir, nameOrPath);
  if (path === undefined) {
    throw new MappingError(`No mapping '${nameOrPath}' (looked for ${looked.join(', ')})`);
  }
  return parseMappingText(readFileSync(path, 'utf8'), mappingFormatOf(path), `mapping ${path}`);
}
