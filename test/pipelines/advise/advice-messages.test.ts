import { describe, expect, it } from 'vitest';
import { messagesFor, type AdviceMessages } from '../../../pipelines/advise/advice-messages.ts';
import { checkPlan } from '../../../pipelines/advise/check-plan.ts';
import { dateZh } from '../../../pipelines/advise/messages-zh.ts';
import { refinePlan } from '../../../pipelines/advise/refine-plan.ts';
import { Finding, Suggestion } from '../../../pipelines/schema/advice.ts';
import { fixtureContext } from './fixture-plan.ts';

type Sample = { [K in keyof AdviceMessages]: (m: AdviceMessages) => string };

// One call per catalogue entry, with values like those the rules pass (the type makes it complete).
const samples: Sample = {
  shareTooLarge: (m) => m.shareTooLarge({ name: 'm2', share: 0.9, maxShare: 0.3 }),
  typeVariable: (m) =>
    m.typeVariable({
      type: 'livestream',
      level: 'partner_type',
      p10: 0.8,
      p90: 3.1,
      lateRate: 0.6,
    }),
  dueInHoliday: (m) =>
    m.dueInHoliday({ name: 'm2', dueDate: '2026-10-03', holiday: 'National Day' }),
  dueInPeak: (m) =>
    m.dueInPeak({ name: 'm2', periods: [{ label: 'Double 11', labelZh: '双十一' }] }),
  dueBeforeP50: (m) =>
    m.dueBeforeP50({ name: 'm2', workdaysShort: 4, p50: '2026-12-18', pOnTime: 0.31 }),
  criteriaNotMeasurable: (m) =>
    m.criteriaNotMeasurable({ name: 'm2', criteria: 'brand happy', missing: ['quantity', 'unit'] }),
  noReviewWindow: (m) => m.noReviewWindow({ name: 'm2' }),
  chainNoBuffer: (m) =>
    m.chainNoBuffer({
      name: 'm2',
      plannedStart: '2026-11-20',
      predecessor: 'm1',
      predecessorDue: '2026-11-20',
      predecessorP80: '2026-11-27',
    }),
  split: (m) => m.split({ name: 'm2', parts: 3, sharePerPart: 0.3, daysPerPart: 7 }),
  splitPartName: (m) => m.splitPartName('m2', 1, 3),
  merge: (m) => m.merge({ name: 'm3', share: 0.02, into: 'm2' }),
  moveDueDate: (m) =>
    m.moveDueDate({
      name: 'm2',
      from: '2026-12-12',
      to: '2026-12-21',
      confidence: 0.8,
      early: true,
      afterPredecessor: false,
      pBefore: 0.3,
      pAfter: 0.8,
    }),
  addReviewWindow: (m) => m.addReviewWindow({ days: 5, names: ['m1', 'm2'], calendarDays: 6 }),
  splitReasoning: (m) =>
    m.splitReasoning({
      frontierSize: 7,
      depositPct: 10,
      retentionPct: 5,
      lean: 'earlier',
      exposure: 123456,
      exposureNow: 200000,
      gap: 54321,
      gapNow: 90000,
      value: 600000,
    }),
};

// Letters allowed in a Chinese sentence: ids and names from the plan, P10-P90, KOL.
const strayEnglish = (s: string) =>
  s
    .replace(/\bm\d\b/g, '')
    .replace(/\bP\d+\b/g, '')
    .replace(/KOL/g, '')
    .match(/[A-Za-z]{2,}/g) ?? [];
const cjk = /[\u4e00-\u9fff]/;

describe('advice message catalogue', () => {
  it.each(Object.keys(samples) as (keyof AdviceMessages)[])(
    '%s has a Chinese sentence with the same figures and no stray English',
    (key) => {
      const en = samples[key](messagesFor('en'));
      const zh = samples[key](messagesFor('zh'));
      expect(zh).not.toBe(en);
      expect(zh).toMatch(cjk);
      if (key !== 'criteriaNotMeasurable') expect(strayEnglish(zh)).toEqual([]);
      for (const n of en.match(/\d+(\.\d+)?%/g) ?? []) expect(zh).toContain(n);
    },
  );

  it('is the English sentence by default', () => {
    expect(samples.shareTooLarge(messagesFor())).toBe(
      'm2 carries 90% of the contract value (limit 30%): one late or disputed delivery holds up most of the money.',
    );
    expect(samples.shareTooLarge(messagesFor('zh'))).toBe(
      '“m2”占合同金额的 90%（上限 30%）：一次延期或争议会卡住大部分款项。',
    );
  });

  it('writes dates, holidays and money the Chinese way', () => {
    expect(dateZh('2026-03-05')).toBe('2026年3月5日');
    expect(samples.dueInHoliday(messagesFor('zh'))).toContain('2026年10月3日，正值国庆节');
    expect(samples.splitReasoning(messagesFor('zh'))).toContain('123,456');
  });

  it('covers every finding and suggestion kind the rules produce, in Chinese', () => {
    const ctx = fixtureContext();
    const zh = { ...ctx, options: { ...ctx.options, lang: 'zh' as const } };
    const findings = checkPlan(zh);
    const suggestions = refinePlan(zh, findings);
    const english = refinePlan(ctx, checkPlan(ctx));
    expect(suggestions.map((s) => s.kind)).toEqual(english.map((s) => s.kind));
    for (const x of [...findings, ...suggestions]) {
      expect(x.message, x.kind).toMatch(cjk);
    }
    // The fixture is built to raise most kinds; the rest are covered by the catalogue samples.
    const seen = new Set([...findings, ...suggestions].map((x) => x.kind));
    const all = [...Finding.shape.kind.options, ...Suggestion.shape.kind.options];
    expect(all.filter((k) => seen.has(k)).length).toBeGreaterThanOrEqual(8);
  });
});
