import { describe, expect, it } from 'vitest';
import { splitNameFeatures } from '../../../pipelines/models/backtest/split-name-features.ts';
import type { Task } from '../../../pipelines/models/backtest/tasks.ts';
import { tokenEncoding } from '../../../pipelines/models/features/name-token-encoding.ts';
import {
  nameTemplates,
  nameTokens,
  tokenIndicators,
  tokenizeNames,
} from '../../../pipelines/models/features/name-tokens.ts';

describe('nameTokens', () => {
  it('lower-cases, splits on non-letters, drops stop words, single letters and repeats', () => {
    expect(nameTokens('Fix the Bug in SCM-Report (v2): fix again')).toEqual([
      'fix',
      'bug',
      'scm',
      'report',
      'again',
    ]);
    expect(nameTokens('  42 / - ')).toEqual([]);
  });
});

describe('nameTemplates', () => {
  it('gives names with the same word sequence one token, whatever their numbers', () => {
    const t = nameTemplates(
      tokenizeNames(['Daily checks - week 38', 'daily checks week 39', 'checks daily', '2']),
    );
    expect(t.tokens.map((x) => [...x])).toEqual([[0], [0], [1], []]);
    expect(t.vocabulary).toEqual(['daily checks week', 'checks daily']);
  });
});

describe('tokenIndicators', () => {
  it('takes its vocabulary from the training rows only', () => {
    const names = tokenizeNames(['fix bug', 'fix login', 'meeting', 'meeting', 'meeting']);
    const cols = tokenIndicators(names, [0, 1, 2], { topK: 5, minCount: 2 });
    // "meeting" is frequent only outside the training rows: no column for it.
    expect([...cols.keys()]).toEqual(['word_fix']);
    expect([...(cols.get('word_fix') ?? [])]).toEqual([1, 1, 0, 0, 0]);
  });
});

// Six rows, one a day; each outcome is known the day after the row's time.
const names = tokenizeNames(['fix bug', 'fix bug', 'meeting', 'fix', 'meeting', 'fix']);
const time = Float64Array.from([0, 1, 2, 3, 4, 5]);
const knownAt = Float64Array.from([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
const y = Float64Array.from([-1, -1, 2, -1, 2, -1]);
const train = [0, 1, 2, 3];

describe('tokenEncoding', () => {
  it('shrinks each word toward the overall mean of outcomes known before the row', () => {
    const enc = tokenEncoding(names, { time, knownAt, y }, train, { k: 1, minCount: 1 });
    const mean = enc.get('name_word_mean') ?? new Float64Array();
    // Row 0 knows nothing; row 3 knows rows 0-2 (prior 0; "fix" seen twice at -1: -2/3).
    expect(mean[0]).toBe(0);
    expect(mean[3]).toBeCloseTo(-2 / 3, 12);
    expect(enc.get('name_word_n')?.[3]).toBe(1);
    // Row 5 ("fix", scored) knows training rows 0-3 only: prior -1/4, fix -1 x3 → -2.25/4.
    expect(mean[5]).toBeCloseTo((-3 + 3 * 0.25) / 4, 12);
  });

  it("never lets the scored rows' outcomes, or a row's own outcome, change any feature", () => {
    const base = tokenEncoding(names, { time, knownAt, y }, train, { k: 1, minCount: 1 });
    const scoredChanged = Float64Array.from(y, (v, i) => (i >= 4 ? v + 10 : v));
    const same = tokenEncoding(names, { time, knownAt, y: scoredChanged }, train, {
      k: 1,
      minCount: 1,
    });
    for (const [k, col] of base) expect([...(same.get(k) ?? [])]).toEqual([...col]);
    // A row whose outcome is known before its own time still never reads itself.
    const early = Float64Array.from(knownAt, (v, i) => (i === 3 ? -1 : v));
    const a = tokenEncoding(names, { time, knownAt: early, y }, train, { k: 1, minCount: 1 });
    const own = Float64Array.from(y, (v, i) => (i === 3 ? 50 : v));
    const b = tokenEncoding(names, { time, knownAt: early, y: own }, train, { k: 1, minCount: 1 });
    expect(b.get('name_word_mean')?.[3]).toBe(a.get('name_word_mean')?.[3]);
    // ...while other rows do see it: the check above could fail.
    expect(b.get('name_word_mean')?.[1]).not.toBe(a.get('name_word_mean')?.[1]);
  });
});

describe('splitNameFeatures', () => {
  const task = {
    rows: Int32Array.from([0, 1, 2, 3, 4, 5]),
    y,
    time,
    knownAt,
    numeric: new Map<string, Float64Array>(),
  } as unknown as Task;
  const split = {
    fit: Int32Array.from([0, 1, 2]),
    calibration: Int32Array.from([3]),
    test: Int32Array.from([4, 5]),
  };
  const text = ['fix bug', 'fix bug', 'meeting', 'fix', 'meeting', 'fix'];

  it('builds every column from the split’s training rows, whatever the scored outcomes are', () => {
    const add = splitNameFeatures(text, { minCount: 1, topK: 3, shares: true });
    const a = add(task, split);
    const b = add({ ...task, y: Float64Array.from([-1, -1, 2, -1, 99, -99]) }, split);
    expect(a.numeric.size).toBeGreaterThan(8);
    for (const [k, col] of a.numeric) expect([...(b.numeric.get(k) ?? [])]).toEqual([...col]);
    // A training outcome does move the scored rows' features.
    const c = add({ ...task, y: Float64Array.from([-1, -1, 2, 5, 2, -1]) }, split);
    expect(c.numeric.get('name_word_mean')?.[5]).not.toBe(a.numeric.get('name_word_mean')?.[5]);
  });
});
