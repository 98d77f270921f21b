import { readdirSync } from 'node:fs';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  loadMapping,
  MAPPING_EXTENSIONS,
  mappingsDir,
} from '../../pipelines/ingest/mapping/load-mapping.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';

// The shipped mappings (data/mappings/*.json, *.yaml, *.yml), so the dashboard's upload form can offer them by name.
// Global reference data: no brand's rows are read.

const MappingList = z
  .object({
    mappings: z.array(
      z.object({
        name: z.string().describe('what POST /imports takes as `mapping`'),
        description: z.string().nullable(),
      }),
    ),
  })
  .meta({
    id: 'MappingList',
    example: {
      mappings: [
        { name: 'sip', description: 'SIP tasks: est-act-dates.csv joined on the task id' },
      ],
    },
  });

const route = createRoute({
  method: 'get',
  path: '/imports/mappings',
  tags: ['imports'],
  summary: 'The shipped mappings an upload can name',
  responses: {
    200: {
      description: 'Mapping names with their descriptions, by name',
      content: { 'application/json': { schema: MappingList } },
    },
    ...errorResponses,
  },
});

/**
 * Names and descriptions of the valid mappings in `dir` (`<name>.json`, `.yaml` or `.yml`; a name
 * with more than one file is the one `loadMapping` finds first); invalid files are left out.
 */
export function shippedMappings(dir = mappingsDir): z.infer<typeof MappingList>['mappings'] {
  const files = new Map<string, string>();
  const all = readdirSync(dir);
  for (const ext of MAPPING_EXTENSIONS) {
    for (const file of all) {
      const name = file.slice(0, -ext.length);
      if (file.endsWith(ext) && /^[a-z0-9][a-z0-9_-]*$/.test(name) && !files.has(name)) {
        files.set(name, file);
      }
    }
  }
  return [...files.keys()].sort().flatMap((name) => {
    try {
      const mapping = loadMapping(`${dir}/${files.get(name)}`);
      return [{ name, description: mapping.description ?? null }];
    } catch {
      return [];
    }
  });
}

export function mappingRoutes() {
  return newRouter().openapi(route, (c) => c.json({ mappings: shippedMappings() }, 200));
}
