// Proves that the layer import rules of docs/architecture.md bite: each snippet is linted with the
// repository's own eslint.config.js under a virtual file path, so a config change that silently
// stops enforcing a rule fails here.
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: 'eslint.config.js' });
});

/** All error-level messages for `code` linted as if it lived at `filePath`. */
async function errorsFor(filePath: string, code: string): Promise<ESLint.LintResult['messages']> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.severity === 2);
}

async function importRuleErrors(filePath: string, code: string): Promise<string[]> {
  const errors = await errorsFor(filePath, code);
  // A parse error would also hide the rule: make it fail loudly instead of passing by accident.
  expect(errors.filter((error) => error.fatal)).toEqual([]);
  return errors
    .filter((error) => error.ruleId === 'no-restricted-imports')
    .map((error) => error.message);
}

/** A module that imports `name` from `source` and uses it, so only the import can be at fault. */
const valueImport = (source: string, name = 'thing'): string =>
  `import { ${name} } from '${source}';\n\nexport const used = ${name};\n`;
const typeImport = (source: string, name = 'Thing'): string =>
  `import type { ${name} } from '${source}';\n\nexport type Used = ${name};\n`;

describe('forbidden imports are lint errors', () => {
  it.each([
    ['pipelines -> api', 'pipelines/x/bad.ts', valueImport('../../api/app.ts')],
    ['pipelines -> api (one level up)', 'pipelines/bad.ts', valueImport('../api/routes/kpis.ts')],
    ['pipelines -> web', 'pipelines/models/bad.ts', valueImport('../../web/src/lib/api.ts')],
    ['pipelines -> notebooks', 'pipelines/forecast/bad.ts', valueImport('../../notebooks/x.ts')],
    ['pipelines -> web through $lib', 'pipelines/forecast/bad.ts', valueImport('$lib/api.ts')],
    ['pipelines -> api, even types', 'pipelines/forecast/bad.ts', typeImport('../../api/app.ts')],
    ['pipelines -> pipelines/cli.ts', 'pipelines/models/bad.ts', valueImport('../cli.ts')],
    ['api/routes -> api/server.ts', 'api/routes/x.ts', valueImport('../server.ts')],
    ['api -> api/server.ts', 'api/app.ts', valueImport('./server.ts')],
    ['api -> web', 'api/routes/x.ts', valueImport('../../web/src/lib/api.ts')],
    ['api -> pipelines/cli.ts', 'api/routes/x.ts', valueImport('../../pipelines/cli.ts')],
    ['web -> DuckDB', 'web/src/lib/x.ts', valueImport('@duckdb/node-api', 'DuckDBInstance')],
    ['web -> api value', 'web/src/lib/x.ts', valueImport('../../../api/app.ts')],
    ['web -> api value through $api', 'web/src/lib/x.ts', valueImport('$api/types.ts')],
    ['web -> api/server.ts, even types', 'web/src/lib/x.ts', typeImport('../../../api/server.ts')],
    ['web -> warehouse', 'web/src/lib/x.ts', valueImport('../../../pipelines/warehouse/query.ts')],
    ['web -> ingest', 'web/src/lib/x.ts', valueImport('../../../pipelines/ingest/merge.ts')],
    ['web -> node:fs', 'web/src/lib/x.ts', valueImport('node:fs', 'readFileSync')],
    ['web -> bare Node built-in', 'web/src/lib/x.ts', valueImport('path', 'join')],
    ['notebooks -> api/server.ts', 'notebooks/lib/x.ts', valueImport('../../api/server.ts')],
  ])('rejects %s (%s)', async (_what, filePath, code) => {
    expect(await importRuleErrors(filePath, code)).not.toEqual([]);
  });

  it('rejects a value import from api/ inside a Svelte component', async () => {
    const component = [
      '<script lang="ts">',
      "  import { createApp } from '../../../api/app.ts';",
      '  const app = createApp;',
      '</script>',
      '',
      '<p>{String(app)}</p>',
      '',
    ].join('\n');
    expect(await importRuleErrors('web/src/routes/+page.svelte', component)).not.toEqual([]);
  });
});

describe('allowed imports lint clean', () => {
  it.each([
    ['web -> api, type only', 'web/src/lib/x.ts', typeImport('../../../api/app.ts')],
    [
      'web -> api, inline type specifier',
      'web/src/lib/x.ts',
      "import { type Thing } from '../../../api/app.ts';\n\nexport type Used = Thing;\n",
    ],
    ['web -> api types through $api', 'web/src/lib/x.ts', typeImport('$api/types')],
    ["web -> web's own lib/api.ts", 'web/src/lib/charts/x.ts', valueImport('../api.ts')],
    ['web -> $lib', 'web/src/routes/kpis/x.ts', valueImport('$lib/api.ts')],
    ['web -> helper', 'web/src/lib/x.ts', valueImport('../../../pipelines/calendar/slip-days.ts')],
    ['api -> pipelines', 'api/routes/x.ts', valueImport('../../pipelines/warehouse/query.ts')],
    ['api/server.ts -> api/app.ts', 'api/server.ts', valueImport('./app.ts', 'createApp')],
    ['pipelines -> pipelines', 'pipelines/models/fit.ts', valueImport('../schema/records.ts')],
    [
      'pipelines/warehouse -> DuckDB',
      'pipelines/warehouse/x.ts',
      valueImport('@duckdb/node-api', 'DuckDBInstance'),
    ],
    ['test -> api/server.ts', 'test/api/x.test.ts', valueImport('../../api/server.ts')],
    ['test -> cli.ts', 'test/pipelines/x.test.ts', valueImport('../../pipelines/cli.ts')],
    ['test -> web', 'test/web/x.test.ts', valueImport('../../web/src/lib/api.ts')],
  ])('allows %s (%s)', async (_what, filePath, code) => {
    expect(await errorsFor(filePath, code)).toEqual([]);
  });

  it('allows a type import from api/ inside a Svelte component', async () => {
    const component = [
      '<script lang="ts">',
      "  import type { Kpi } from '../../../api/routes/kpis.ts';",
      '',
      '  const { kpi }: { kpi: Kpi } = $props();',
      '</script>',
      '',
      '<p>{String(kpi)}</p>',
      '',
    ].join('\n');
    expect(await errorsFor('web/src/routes/+page.svelte', component)).toEqual([]);
  });
});

describe('general rules', () => {
  it('requires `import type` for imports used only as types', async () => {
    const code = "import { Thing } from './thing.ts';\n\nexport type Used = Thing;\n";
    const errors = await errorsFor('pipelines/models/x.ts', code);
    expect(errors.map((error) => error.ruleId)).toContain(
      '@typescript-eslint/consistent-type-imports',
    );
  });

  it('reports unused variables unless they start with an underscore', async () => {
    const code =
      'export function f(_unused: number, used: number): number {\n  const x = 1;\n  return used;\n}\n';
    const errors = await errorsFor('pipelines/models/x.ts', code);
    expect(errors.map((error) => [error.ruleId, error.line])).toEqual([
      ['@typescript-eslint/no-unused-vars', 2],
    ]);
  });
});
