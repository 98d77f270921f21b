import { describe, expect, it } from 'vitest';
import { Transform } from '../../../../pipelines/ingest/parse/index.ts';

const messages = (input: unknown) => {
  const r = Transform.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('Transform schema (reused by the mapping-file validator)', () => {
  it('accepts every kind with its options', () => {
    const good = [
      { kind: 'date', format: 'dd-Mon-yy', pivotYear: 50 },
      { kind: 'date', format: 'auto', missing: ['TBD'] },
      { kind: 'number', allowSuffixK: true },
      { kind: 'money' },
      { kind: 'integer' },
      { kind: 'percent', scale: 100 },
      { kind: 'text', maxLength: 200 },
      { kind: 'vocabulary', vocabulary: 'milestone_status', extend: { 'on hold': 'planned' } },
      { kind: 'vocabulary', vocabulary: { 'A 级': 'quality' } },
    ];
    for (const t of good) expect(messages(t), JSON.stringify(t)).toEqual([]);
  });

  it('says what is wrong, where, in words a mapping author understands', () => {
    expect(messages({ kind: 'datetime' })).toEqual([
      'kind: kind must be one of: date, number, money, integer, percent, text, vocabulary',
    ]);
    expect(messages({ kind: 'date', format: 'mm/dd' })[0]).toMatch(
      /^format: format must be one of: iso, m\/d\/yy/,
    );
    expect(messages({ kind: 'date', format: 'iso', pivotYear: 150 })).toEqual([
      'pivotYear: pivotYear must be a whole number from 0 to 100',
    ]);
    expect(messages({ kind: 'percent', scale: 10 })).toEqual(['scale: scale must be 1 or 100']);
    expect(messages({ kind: 'text', maxLength: 0 })).toEqual([
      'maxLength: maxLength must be a positive whole number',
    ]);
    expect(messages({ kind: 'money', currency: 'CNY' })[0]).toMatch(/currency/); // unknown keys are refused
    expect(messages({ kind: 'vocabulary', vocabulary: 'colours' })[0]).toMatch(
      /^vocabulary: vocabulary must be one of milestone_status, .* or an object of label -> value$/,
    );
    expect(
      messages({
        kind: 'vocabulary',
        vocabulary: 'milestone_status',
        extend: { paused: 'on_hold' },
      }),
    ).toEqual([
      'extend.paused: "on_hold" is not a milestone_status value (one of: planned, in_progress, submitted, revision_requested, approved, rejected, cancelled)',
    ]);
    expect(messages({ kind: 'vocabulary', vocabulary: { Done: 'a', done: 'b' } })).toEqual([
      'vocabulary: label "done" means both "a" and "b"',
    ]);
    expect(messages({ kind: 'text', missing: ['n/a', 'bad\u0000marker'] })).toEqual([
      'missing.1: a missing marker must not contain NUL',
    ]);
  });
});
