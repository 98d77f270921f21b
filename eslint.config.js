// ESLint flat config. Besides the usual recommended rules it enforces the layer import rules of
// docs/architecture.md with the core `no-restricted-imports` rule, one pattern list per folder.
//
// Flat config does not merge the options of one rule across config objects (the last matching
// object wins), so every folder's list repeats the rules that apply everywhere.
import { builtinModules } from 'node:module';

import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];
const SVELTE = ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'];

/** Globs for every lintable file under a top-level folder. */
const inside = (folder) => [`${folder}/**/*.{js,mjs,cjs,ts,mts,cts,svelte}`];

// --- Import rules -------------------------------------------------------------------------------
// Patterns are regexes over the import specifier. A specifier "reaches" a top-level folder when it
// climbs out with `../` (one or more) or names it through an alias (`$api/`, `@/api/`, `~/api/`,
// `#api/`, bare `api/`). Imports are written with their `.ts` extension, but the extension is
// optional here so that `.js` or extensionless spellings are caught too.
const EXT = String.raw`(?:\.[cm]?[jt]s)?`;
const ALIAS = String.raw`[~@#$]?/?`;
const UP = String.raw`(?:\.\./)+`;
// Inside web/ every file sits at least two folders deep (web/src/...), so reaching the repo root
// takes at least two `../`; this keeps web's own `lib/api.ts` or `lib/api/` out of the match.
const UP_FROM_WEB = String.raw`(?:\.\./){2,}`;

/** Matches specifiers that point into the top-level `folder` (e.g. `api`, `pipelines/warehouse`). */
const into = (folder, up = UP) => String.raw`^(?:${up}|${ALIAS})${folder}(?:/|$)`;

const rule = (regex, message, extra = {}) => ({ regex, message, caseSensitive: true, ...extra });

const ENTRY_POINTS = [
  rule(
    String.raw`^(?:${UP}|${ALIAS})api/server${EXT}$`,
    'api/server.ts is the process entry point (the only file that listens); import api/app.ts instead.',
  ),
  rule(
    String.raw`^(?:${UP}|${ALIAS})pipelines/cli${EXT}$`,
    'pipelines/cli.ts is the command-line entry point; import the module it calls instead.',
  ),
];
const SERVER_FROM_API = rule(
  String.raw`^(?:\./|${UP})server${EXT}$`,
  'api/server.ts is the process entry point (the only file that listens); import ./app.ts instead.',
);
const CLI_FROM_PIPELINES = rule(
  String.raw`^(?:\./|${UP})cli${EXT}$`,
  'pipelines/cli.ts is the command-line entry point; import the module it calls instead.',
);
const SVELTEKIT_ALIASES = rule(
  String.raw`^\$(?:lib|app|env|service-worker)(?:/|$)`,
  'SvelteKit aliases belong to web/ only.',
);

const PIPELINES_PATTERNS = [
  ...ENTRY_POINTS,
  rule(into('api'), 'pipelines/ must not import api/ (layers depend only on earlier layers).'),
  rule(into('web'), 'pipelines/ must not import web/ (layers depend only on earlier layers).'),
  rule(into('notebooks'), 'pipelines/ must not import notebooks/.'),
  SVELTEKIT_ALIASES,
];

const API_PATTERNS = [
  ...ENTRY_POINTS,
  SERVER_FROM_API,
  rule(into('web'), 'api/ must not import web/ (layers depend only on earlier layers).'),
  rule(into('notebooks'), 'api/ must not import notebooks/.'),
  SVELTEKIT_ALIASES,
];

const WEB_PATTERNS = [
  ...ENTRY_POINTS,
  rule(into('api', UP_FROM_WEB), 'web/ may import only types from api/: use `import type`.', {
    allowTypeImports: true,
  }),
  rule(String.raw`^@duckdb/`, 'web/ runs in the browser: never import DuckDB.'),
  rule(String.raw`^duckdb(?:/|$)`, 'web/ runs in the browser: never import DuckDB.'),
  rule(
    into('pipelines/warehouse', UP_FROM_WEB),
    'web/ must not import pipelines/warehouse (DuckDB); fetch through the API.',
  ),
  rule(
    into('pipelines/ingest', UP_FROM_WEB),
    'web/ must not import pipelines/ingest; send files through the API.',
  ),
  rule(into('notebooks', UP_FROM_WEB), 'web/ must not import notebooks/.'),
  rule(String.raw`^node:`, 'web/ runs in the browser: no Node built-ins.'),
];
const NODE_BUILTINS = builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => ({ name, message: 'web/ runs in the browser: no Node built-ins.' }));

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

// Build-time config files of the web app run in Node, not in the browser.
const WEB_NODE_FILES = ['web/*.{js,mjs,cjs,ts,mts,cts}'];

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    'web/build/',
    '**/.svelte-kit/',
    'data/',
    'notebooks/.ipynb_checkpoints/',
    'coverage/',
    'test-results/',
    'bench-results/',
    '.tmp/',
  ]),

  js.configs.recommended,

  {
    name: 'milepost/typescript',
    files: [...TS, ...SVELTE],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    name: 'milepost/javascript',
    files: JS,
    rules: {
      'no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },

  // Svelte components (and runes modules) with TypeScript in their script blocks.
  svelte.configs.recommended,
  svelte.configs.prettier,
  {
    name: 'milepost/svelte',
    files: SVELTE,
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      // TypeScript and svelte-check resolve names (including types and runes) better than no-undef.
      'no-undef': 'off',
    },
  },

  // Globals: Node for the server side, the browser for web/.
  {
    name: 'milepost/globals/node',
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'milepost/globals/browser',
    files: ['web/**/*.{js,mjs,cjs,ts,mts,cts,svelte}'],
    ignores: WEB_NODE_FILES,
    languageOptions: { globals: { ...globals.browser } },
  },

  // Import rules (docs/architecture.md). test/ may import anything.
  { name: 'milepost/imports/everywhere', rules: restrict(ENTRY_POINTS) },
  {
    name: 'milepost/imports/pipelines',
    files: inside('pipelines'),
    rules: restrict([...PIPELINES_PATTERNS, CLI_FROM_PIPELINES]),
  },
  {
    // The bin launcher exists to start pipelines/cli.ts.
    name: 'milepost/imports/pipelines-launcher',
    files: ['pipelines/milepost.mjs'],
    rules: restrict(PIPELINES_PATTERNS),
  },
  { name: 'milepost/imports/api', files: inside('api'), rules: restrict(API_PATTERNS) },
  {
    name: 'milepost/imports/web',
    files: inside('web'),
    ignores: WEB_NODE_FILES,
    rules: restrict(WEB_PATTERNS, NODE_BUILTINS),
  },
  {
    name: 'milepost/imports/test',
    files: inside('test'),
    rules: { 'no-restricted-imports': 'off' },
  },
]);
