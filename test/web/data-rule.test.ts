import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleName, ruleOption } from '../../web/src/lib/data-rule.ts';
import { en } from '../../web/src/lib/i18n/en.ts';
import { zh } from '../../web/src/lib/i18n/zh.ts';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/**
 * The quarantine rules the importer documents (data/mappings/README.md, "What happens to each
 * row") and emits (row checks, conflict keys, malformed lines, cell parsers' reasons).
 */
function importerRules(): Set<string> {
  const readme = read('data/mappings/README.md');
  // The sentence that lists the rules: "A row is quarantined ... or the mapping excludes it."
  const start = readme.indexOf('A row is quarantined');
  const sentence = readme.slice(start, readme.indexOf('mapping excludes it', start));
  const documented = [...sentence.matchAll(/`([a-z_]+)`/g)];
  const sources = [
    'pipelines/ingest/compile/row-checks.ts',
    'pipelines/ingest/load/special-keys-sql.ts',
    'pipelines/ingest/load/run-load.ts',
    'pipelines/ingest/parse/parse-number.ts',
    'pipelines/ingest/parse/parse-date.ts',
    'pipelines/ingest/parse/parse-value.ts',
  ].map(read);
  const emitted = sources.flatMap((s) => [
    ...s.matchAll(/rule: `'([a-z_]+)'`/g),
    ...s
      .split('\n')
      .filter((line) => line.endsWith('AS rule'))
      .flatMap((line) => [...line.matchAll(/'([a-z_]+)'/g)]),
    ...s.matchAll(/VALUES \([^)]*'([a-z_]+)'/g),
    ...s.matchAll(/reason: '([a-z_]+)'/g),
    ...s.matchAll(/fail\('([a-z_]+)'\)/g),
  ]);
  return new Set([...documented, ...emitted].map((m) => m[1]!));
}

describe('quarantine rule names', () => {
  const rules = importerRules();

  it('reads the importer’s rules from its docs and code', () => {
    for (const r of ['missing_required', 'negative_amount', 'duplicate_key', 'formula_like'])
      expect(rules).toContain(r);
    expect(rules).toContain('out_of_range');
    expect(rules.size).toBeGreaterThanOrEqual(17);
  });

  it('names every rule in English and Chinese', () => {
    const unnamed = (names: Record<string, string>) => [...rules].filter((r) => !names[r]);
    expect(unnamed(en.data.rules.names)).toEqual([]);
    expect(unnamed(zh.data.rules.names)).toEqual([]);
    expect(Object.keys(zh.data.rules.names).sort()).toEqual(
      Object.keys(en.data.rules.names).sort(),
    );
    for (const r of rules) expect(zh.data.rules.names[r]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps the id visible in a choice and falls back to it for a mapping’s own reason', () => {
    expect(ruleName('negative_amount', zh.data.rules)).toBe('金额为负');
    expect(ruleOption('negative_amount', zh.data.rules)).toBe('金额为负（negative_amount）');
    expect(ruleOption('due_before_start', en.data.rules)).toBe(
      'Due before start (due_before_start)',
    );
    expect(ruleName('internal_only', zh.data.rules)).toBe('internal_only');
    expect(ruleOption('internal_only', en.data.rules)).toBe('internal_only');
    expect(zh.data.rules.idTitle('duplicate_key')).toContain('duplicate_key');
  });
});
