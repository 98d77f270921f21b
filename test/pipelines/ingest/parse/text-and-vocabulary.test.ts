import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultVocabularies,
  isFormulaLike,
  isFormulaLikeSql,
  quoteIdent,
  resolveVocabulary,
  VocabularyError,
  type Transform,
} from '../../../../pipelines/ingest/parse/index.ts';
import {
  Currency,
  DisputeOutcome,
  DisputeReason,
  MilestoneStatus,
  MilestoneType,
  PartnerKind,
  PaymentKind,
  PricingModel,
} from '../../../../pipelines/schema/enums.ts';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import type { Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { listValue } from '@duckdb/node-api';
import { checkCases, openTwin, type Case } from './twin.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await openTwin();
});
afterAll(() => wh.close());

describe('text transform, JS and SQL', () => {
  const cases: Case[] = [
    ['Tmall 11.11 launch', 'Tmall 11.11 launch'],
    ['  spaced   out\t\ttext  ', 'spaced out text'],
    ['line one\r\nline two', 'line one line two'],
    ['\ufeffBOM first', 'BOM first'],
    ['zero\u200bwidth\u200d joiner', 'zerowidth joiner'],
    ['全角\u3000空格', '全角 空格'],
    ['ＫＯＬ 种草', 'ＫＯＬ 种草'], // text keeps full-width letters as written
    ['-5', '-5'],
    ['+86 138 0013 8000', '+86 138 0013 8000'], // a phone number is no expression
    ['+86 138', '+86 138'], // but this one reads as the space-grouped number 86 138
    ['=HYPERLINK("http://x?"&A1,"click")', null, 'formula_like'],
    ['@SUM(1+1)', null, 'formula_like'],
    ['+SUM(1)', null, 'formula_like'],
    ["-2+3+cmd|' /C calc'!A0", null, 'formula_like'],
    ['\t=1', null, 'formula_like'],
    ['\tplain', 'plain'], // a stray tab is trimmed, not a formula
    ['+ button not enabled', '+ button not enabled'], // real task summary (SiP)
    ['- draft', '- draft'],
    ['  =1', null, 'formula_like'],
    ['\u200b=1', null, 'formula_like'],
    ['a=1', 'a=1'],
    ['email@example.com', 'email@example.com'],
    ['- bullet', '- bullet'],
    ['-', null],
    ['N/A', null],
    ['null', null],
    ['NULL', null],
    ['无', null],
    ['\u2014', null],
    ['  ', null],
    ['\u200b', null],
    [null, null],
  ];
  it('cleans, collapses whitespace and flags formula-like cells', async () => {
    expect(await checkCases(wh, { kind: 'text' }, cases)).toEqual({ js: [], sql: [] });
  });

  it('counts maxLength in code points (an emoji is one), after cleaning', async () => {
    const t: Transform = { kind: 'text', maxLength: 5 };
    const limit: Case[] = [
      ['abcde', 'abcde'],
      ['abcdef', null, 'too_long'],
      ['  a  b  c  ', 'a b c'],
      ['😀😀😀😀😀', '😀😀😀😀😀'],
      ['😀😀😀😀😀😀', null, 'too_long'],
      ['已完成已验收', null, 'too_long'],
      ['=1234567', null, 'formula_like'],
    ];
    expect(await checkCases(wh, t, limit)).toEqual({ js: [], sql: [] });
  });
});

describe('isFormulaLike, JS and SQL', () => {
  const cells: [string, boolean][] = [
    ['=1+1', true],
    ['+1', false],
    ['-1,234.5', false],
    ['-12%', false],
    ['+ 5', false],
    ['-', false], // a lone sign is no expression
    ['-(1)', true],
    ['@x', true],
    ['\tx', false], // a stray tab is whitespace; only what follows it counts
    ['\t=x', true],
    ['\rx', false],
    ['-A1', true],
    ['+2*3', true],
    ['x', false],
    ['', false],
    ['  -5  ', false],
    ['－５', false], // full-width: not a formula to a spreadsheet
  ];
  it('agrees on every cell', async () => {
    expect(cells.map(([raw]) => isFormulaLike(raw))).toEqual(cells.map(([, want]) => want));
    const col = quoteIdent('c');
    const rows = await wh.withConnection((c) =>
      queryRows<{ f: boolean }>(
        c,
        `SELECT ${isFormulaLikeSql(col)} AS f FROM (SELECT unnest($cells) AS ${col}, generate_subscripts($cells, 1) AS i) ORDER BY i`,
        { cells: listValue(cells.map(([raw]) => raw)) },
      ),
    );
    expect(rows.map((r) => r.f)).toEqual(cells.map(([, want]) => want));
  });
});

describe('vocabularies, JS and SQL', () => {
  const status: Transform = { kind: 'vocabulary', vocabulary: 'milestone_status' };
  it('maps English and Chinese labels of milestone status, ignoring case, spacing, _ and -', async () => {
    const cases: Case[] = [
      ['done', 'approved'],
      ['Completed', 'approved'],
      ['APPROVED', 'approved'],
      ['已完成', 'approved'],
      ['已验收', 'approved'],
      ['验收通过', 'approved'],
      ['In Progress', 'in_progress'],
      ['in_progress', 'in_progress'],
      ['In-Progress', 'in_progress'],
      ['  in   progress ', 'in_progress'],
      ['进行中', 'in_progress'],
      ['执行中', 'in_progress'],
      ['submitted', 'submitted'],
      ['待验收', 'submitted'],
      ['已提交', 'submitted'],
      ['rework', 'revision_requested'],
      ['Revision', 'revision_requested'],
      ['返工', 'revision_requested'],
      ['需修改', 'revision_requested'],
      ['cancelled', 'cancelled'],
      ['Canceled', 'cancelled'],
      ['已取消', 'cancelled'],
      ['作废', 'cancelled'],
      ['planned', 'planned'],
      ['Not Started', 'planned'],
      ['未开始', 'planned'],
      ['计划中', 'planned'],
      ['rejected', 'rejected'],
      ['已拒绝', 'rejected'],
      ['驳回', 'rejected'],
      ['\u200b已完成\u3000', 'approved'],
      ['İN PROGRESS', 'in_progress'], // DuckDB lowers İ to i; so does lowerLikeDuckDb
      ['finished?', null, 'not_in_vocabulary'],
      ['in progres', null, 'not_in_vocabulary'],
      ['=cmd', null, 'formula_like'],
      ['-', null],
      ['', null],
    ];
    expect(await checkCases(wh, status, cases)).toEqual({ js: [], sql: [] });
  });

  it('maps milestone types, partner kinds, dispute reasons and currency names', async () => {
    const v = (vocabulary: string) => ({ kind: 'vocabulary', vocabulary }) as Transform;
    const groups: [Transform, Case[]][] = [
      [
        v('milestone_type'),
        [
          ['策略', 'strategy'],
          ['创意', 'creative'],
          ['KOL种草', 'kol_seeding'],
          ['达人种草', 'kol_seeding'],
          ['KOL seeding', 'kol_seeding'],
          ['直播', 'livestream'],
          ['店铺搭建', 'store_setup'],
          ['开店', 'store_setup'],
          ['Store Setup', 'store_setup'],
          ['内容制作', 'content_production'],
          ['媒介投放', 'media_buy'],
          ['media buy', 'media_buy'],
          ['报告', 'reporting'],
          ['复盘', 'reporting'],
        ],
      ],
      [
        v('partner_kind'),
        [
          ['代理商', 'agency'],
          ['Agency', 'agency'],
          ['KOL机构', 'kol_network'],
          ['MCN', 'kol_network'],
          ['代运营', 'store_operator'],
          ['TP', 'store_operator'],
          ['直播机构', 'livestream'],
          ['制作公司', 'production'],
        ],
      ],
      [
        v('dispute_reason'),
        [
          ['质量问题', 'quality'],
          ['scope change', 'scope'],
          ['延期', 'delay'],
          ['验收标准不明确', 'acceptance_unclear'],
          ['付款延迟', 'late_payment'],
          ['其他', 'other'],
        ],
      ],
      [
        v('currency'),
        [
          ['人民币', 'CNY'],
          ['RMB', 'CNY'],
          ['cny', 'CNY'],
          ['美元', 'USD'],
          ['USD', 'USD'],
          ['欧元', 'EUR'],
          ['EUR', 'EUR'],
          ['¥', 'CNY'],
          ['￥', 'CNY'],
        ],
      ],
    ];
    for (const [t, cases] of groups)
      expect(await checkCases(wh, t, cases)).toEqual({ js: [], sql: [] });
  });

  it('reads the _ and - spellings of multi-word labels the same on the fast path', async () => {
    // Exports carry canonical values such as kol_seeding; the SQL reads them without cleaning.
    const cases: Case[] = [
      ['kol_seeding', 'kol_seeding'],
      ['KOL-Seeding', 'kol_seeding'],
      ['content_production', 'content_production'],
      ['store-setup', 'store_setup'],
      [' media_buy ', 'media_buy'],
      ['kol__seeding', 'kol_seeding'],
      ['kol_seeding_x', null, 'not_in_vocabulary'],
    ];
    const t: Transform = { kind: 'vocabulary', vocabulary: 'milestone_type' };
    expect(await checkCases(wh, t, cases)).toEqual({ js: [], sql: [] });
    const own: Transform = {
      kind: 'vocabulary',
      vocabulary: { 'Work In Progress': 'in_progress' },
    };
    const mine: Case[] = [
      ['work_in_progress', 'in_progress'],
      ['in_progress', null, 'not_in_vocabulary'], // a value is not a label of a replaced vocabulary
    ];
    expect(await checkCases(wh, own, mine)).toEqual({ js: [], sql: [] });
  });

  it('extends a default vocabulary, with the extension winning', async () => {
    const t: Transform = {
      kind: 'vocabulary',
      vocabulary: 'milestone_status',
      extend: { 'on hold': 'planned', done: 'submitted' },
    };
    const cases: Case[] = [
      ['On Hold', 'planned'],
      ['done', 'submitted'],
      ['已完成', 'approved'],
    ];
    expect(await checkCases(wh, t, cases)).toEqual({ js: [], sql: [] });
  });

  it("replaces the defaults with the mapping's own labels, quotes and all", async () => {
    const t: Transform = {
      kind: 'vocabulary',
      vocabulary: { "Partner's fault": 'quality', 'x); DROP TABLE t; --': 'scope', NA: 'other' },
    };
    const cases: Case[] = [
      ["partner's  fault", 'quality'],
      ['X); drop table t; --', 'scope'],
      ['na', null], // a missing marker wins over a label
      ['done', null, 'not_in_vocabulary'],
    ];
    expect(await checkCases(wh, t, cases)).toEqual({ js: [], sql: [] });
  });

  it('ships only canonical values of the schema enums, each label meaning one thing', () => {
    const enums = {
      milestone_status: MilestoneStatus,
      milestone_type: MilestoneType,
      partner_kind: PartnerKind,
      dispute_reason: DisputeReason,
      dispute_outcome: DisputeOutcome,
      payment_kind: PaymentKind,
      pricing_model: PricingModel,
      currency: Currency,
    } as const;
    expect(Object.keys(defaultVocabularies).sort()).toEqual(Object.keys(enums).sort());
    for (const name of Object.keys(enums) as (keyof typeof enums)[]) {
      const resolved = resolveVocabulary({ vocabulary: name }); // throws on a label with two meanings
      for (const value of resolved.values())
        expect(enums[name].safeParse(value).success, `${name}: ${value}`).toBe(true);
      for (const value of enums[name].options)
        expect([...resolved.values()], `${name} lacks ${value}`).toContain(value);
    }
  });

  it('refuses a replacement vocabulary whose labels collide once normalised', () => {
    expect(() =>
      resolveVocabulary({ vocabulary: { 'In Progress': 'a', in_progress: 'b' } }),
    ).toThrow(VocabularyError);
    expect(() => resolveVocabulary({ vocabulary: { ' _ ': 'a' } })).toThrow(/empty/);
  });
});
