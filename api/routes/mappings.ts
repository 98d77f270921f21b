import { readdirSync } from 'node:fs';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  loadMapping,
  MAPPING_EXTENSIONS,
  mappingFileIn,
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
 * with several files is the file `loadMapping` would read); invalid files are left out.
 */
export function shippedMappings(dir = mappingsDir): z.infer<typeof MappingList>['mappings'] {
  const names = new Set(
    readdirSync(dir).flatMap((file) => {
      const ext = MAPPING_EXTENSIONS.find((e) => file.endsWith(e));
      const name = ext && file.slice(0, -ext.length);
      return name && /^[a-z0-9][a-z0-9_-]*$/.test(name) ? [name] : [];
    }),
  );
  return [...names].sort().flatMap((name) => {
    try {
      const mapping = loadMapping(mappingFileIn(dir, name).path!);
      return [{ name, description: mapping.description ?? null }];
    } catch {
      return [];
    }
  });
}

export function mappingRoutes() {
  return newRouter().openapi(route, (c) => c.json({ mappings: shippedMappings() }, 200));
}
