import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  loadMapping,
  MappingError,
  mappingsDir,
  parseMappingText,
} from '../../../../pipelines/ingest/mapping/load-mapping.ts';

const dir = mkdtempSync(join(tmpdir(), 'mapping-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shipped = readdirSync(mappingsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

describe('mapping files: JSON or YAML', () => {
  it.each(shipped)('the shipped %s mapping means the same written as YAML', (name) => {
    const json = loadMapping(name);
    for (const ext of ['.yaml', '.yml']) {
      const path = join(dir, `${name}${ext}`);
      writeFileSync(path, `# ${name}, as YAML\n${stringify(json)}`);
      expect(loadMapping(path)).toEqual(json);
    }
  });

  it("the README's example reads the same in JSON and in YAML", () => {
    const readme = readFileSync(join(mappingsDir, 'README.md'), 'utf8');
    const block = (lang: string) => new RegExp('```' + lang + '\\n([^]*?)```').exec(readme)![1]!;
    const json = parseMappingText(block('json'), 'json');
    expect(json.name).toBe('my-erp');
    expect(parseMappingText(block('yaml'), 'yaml')).toEqual(json);
  });

  it('reads YAML 1.2: no/off/yes and dates stay text, as in JSON', () => {
    const text = [
      'name: vocab',
      'brand: { constant: 2024-03-05 }',
      'fields:',
      '  milestoneId: { column: id }',
      '  partnerId: { column: partner }',
      '  baselineDue: { column: due, transform: { kind: date, format: iso } }',
      '  status:',
      '    column: state',
      '    transform:',
      '      kind: vocabulary',
      '      vocabulary: { no: planned, off: cancelled, yes: approved }',
    ].join('\n');
    const m = parseMappingText(text, 'yaml');
    expect(m.fields.status).toMatchObject({
      transform: { vocabulary: { no: 'planned', off: 'cancelled', yes: 'approved' } },
    });
    expect(m.brand).toEqual({ constant: '2024-03-05' });
  });

  it('says where a YAML file breaks, and which one', () => {
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, 'name: broken\nfields:\n  milestoneId: { column: id\n');
    expect(() => loadMapping(path)).toThrow(MappingError);
    expect(() => loadMapping(path)).toThrow(
      /broken\.yaml is not valid YAML: .* at line 4, column 1$/,
    );
  });

  it('refuses a YAML key given twice instead of keeping the last one', () => {
    const text = 'name: twice\nname: again\nfields: {}\n';
    expect(() => parseMappingText(text, 'yaml', 'mappingYaml')).toThrow(
      /mappingYaml is not valid YAML: .*[Uu]nique/,
    );
  });

  it('validates a YAML mapping like a JSON one, with the path of every problem', () => {
    const text =
      'name: bad\nfields:\n  milestoneId: { column: id }\n  baselineDue: { colum: due }\n';
    try {
      parseMappingText(text, 'yaml', 'mapping bad.yaml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(MappingError);
      expect((err as Error).message).toMatch(/^Invalid mapping bad\.yaml:/);
      expect((err as MappingError).issues.map((i) => i.path)).toContain('fields.baselineDue');
    }
  });

  it('an empty YAML document is not a mapping', () => {
    expect(() => parseMappingText('', 'yaml')).toThrow(/Invalid mapping/);
  });

  it('names every file it looked for when a mapping name is unknown', () => {
    expect(() => loadMapping('no-such-mapping')).toThrow(
      /no-such-mapping\.json, .*no-such-mapping\.yaml, .*no-such-mapping\.yml/,
    );
  });
});
