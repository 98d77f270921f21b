import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { evidenceKind, knownEvidenceKeys } from '../../web/src/lib/advice/evidence-kinds.ts';
import { evidenceLabel, evidenceValue } from '../../web/src/lib/advice/evidence-value.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { en } from '../../web/src/lib/i18n/en.ts';
import { zh } from '../../web/src/lib/i18n/zh.ts';

const adviseDir = join(import.meta.dirname, '../../pipelines/advise');

/** Property names of an object literal, following spreads of calls to `helpers` in the folder. */
function literalKeys(node: ts.ObjectLiteralExpression, helpers: Map<string, string[]>): string[] {
  return node.properties.flatMap((p) => {
    if (ts.isSpreadAssignment(p) && ts.isCallExpression(p.expression))
      return helpers.get(p.expression.expression.getText()) ?? ['<unresolved spread>'];
    return p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : [];
  });
}

/**
 * Every key the advisor puts in an `evidence` object, read from pipelines/advise/*.ts: object
 * literals, spreads of helper calls (contrastEvidence, reviewLag) and `evidence: lag` where
 * `lag` is a helper's result.
 */
function advisorEvidenceKeys(): Set<string> {
  const files = readdirSync(adviseDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ts.createSourceFile(f, readFileSync(join(adviseDir, f), 'utf8'), 99, true));
  const helpers = new Map<string, string[]>();
  const calls = new Map<string, string>(); // local variable -> helper it holds the result of
  const evidence: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name && node.body) {
      const ret = node.body.statements.find(ts.isReturnStatement)?.expression;
      if (ret && ts.isObjectLiteralExpression(ret)) helpers.set(node.name.text, []);
    }
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isCallExpression(node.initializer))
      calls.set(node.name.getText(), node.initializer.expression.getText());
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'evidence')
      evidence.push(node.initializer);
    ts.forEachChild(node, visit);
  };
  files.forEach(visit);
  // Helper return objects, resolved after all files are read (they may spread nothing else).
  const fill = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name && helpers.has(node.name.text)) {
      const ret = node.body!.statements.find(ts.isReturnStatement)!.expression!;
      helpers.set(node.name.text, literalKeys(ret as ts.ObjectLiteralExpression, new Map()));
    }
    ts.forEachChild(node, fill);
  };
  files.forEach(fill);
  const keys = evidence.flatMap((e) => {
    if (ts.isObjectLiteralExpression(e)) return literalKeys(e, helpers);
    return helpers.get(calls.get(e.getText()) ?? '') ?? [`<unresolved ${e.getText()}>`];
  });
  return new Set(keys);
}

const t = (lang: 'en' | 'zh') => {
  const m = lang === 'en' ? en : zh;
  return {
    format: createFormat(m.locale),
    locale: m.locale,
    messages: m.advisor.findings.evidenceText,
    kinds: m.advisor.findings.kinds,
  };
};

describe('advisor evidence keys', () => {
  const keys = advisorEvidenceKeys();

  it('finds the keys the advisor emits in its source', () => {
    expect(keys.size).toBeGreaterThan(40);
    for (const k of ['historyFlaggedLateRate', 'ratioP10', 'lateN', 'verificationLagP80'])
      expect(keys).toContain(k);
    expect([...keys].filter((k) => k.startsWith('<'))).toEqual([]);
  });

  it('has an English and a Chinese label for every key', () => {
    const missing = (labels: Record<string, string>) => [...keys].filter((k) => !labels[k]);
    expect(missing(en.advisor.findings.evidenceText.labels)).toEqual([]);
    expect(missing(zh.advisor.findings.evidenceText.labels)).toEqual([]);
    for (const k of keys)
      expect(zh.advisor.findings.evidenceText.labels[k]).not.toBe(
        en.advisor.findings.evidenceText.labels[k],
      );
  });

  it('knows the kind of every numeric key, and of no key the advisor does not emit', () => {
    const textKeys = ['level', 'similarLevel', 'holiday', 'period', 'source', 'found'];
    const untyped = [...keys].filter((k) => evidenceKind(k) === 'text');
    expect(untyped.sort()).toEqual([...textKeys, 'missing', 'predecessor', 'reasons'].sort());
    expect(knownEvidenceKeys().filter((k) => !keys.has(k))).toEqual([]);
  });
});

describe('evidenceValue', () => {
  it('keeps a duration ratio a number and makes a rate a percent', () => {
    expect(evidenceValue('ratioP10', 0.85, t('en'))).toBe('0.85');
    expect(evidenceValue('overallRatioP90', 2.5, t('en'))).toBe('2.50');
    expect(evidenceValue('lateRate', 0.85, t('en'))).toBe('85.0%');
    expect(evidenceValue('historyFlaggedLateRate', 1, t('en'))).toBe('100.0%');
    expect(evidenceValue('lateRate', 0.85, t('zh'))).toBe('85.0%');
  });

  it('shows counts as integers and durations with their unit, for the locale', () => {
    expect(evidenceValue('lateN', 1234, t('en'))).toBe('1,234');
    expect(evidenceValue('historyOtherN', 0, t('en'))).toBe('0');
    expect(evidenceValue('verificationLagP80', 0.5, t('en'))).toBe('0.5 days');
    expect(evidenceValue('verificationLagP80', 4, t('zh'))).toBe('4 天');
    expect(evidenceValue('bufferWorkdays', 0, t('zh'))).toBe('0 个工作日');
  });

  it('formats dates and translates coded text; unknown keys and null fall back', () => {
    expect(evidenceValue('dueDate', '2026-10-01', t('en'))).toBe('Oct 1, 2026');
    expect(evidenceValue('dueDate', '2026-10-01', t('zh'))).toBe('2026年10月1日');
    expect(evidenceValue('level', 'partner_kind_type', t('zh'))).toBe('同类合作方、该类型');
    expect(evidenceValue('missing', 'quantity,deadline', t('zh'))).toBe('数量、截止日期');
    expect(evidenceValue('reasons', 'share_too_large', t('zh'))).toBe('占比过大');
    expect(evidenceValue('holiday', 'a weekend', t('zh'))).toBe('周末');
    expect(evidenceValue('holiday', '国庆节', t('en'))).toBe('国庆节');
    expect(evidenceValue('somethingNew', 0.5, t('en'))).toBe('0.5');
    expect(evidenceValue('lateRate', null, t('en'))).toBe('—');
    expect(evidenceLabel('somethingNew', t('zh').messages)).toBe('somethingNew');
    expect(evidenceLabel('ratioP10', t('zh').messages)).toBe('工期比 P10（实际 ÷ 计划）');
  });
});
