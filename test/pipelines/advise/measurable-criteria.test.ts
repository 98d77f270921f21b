import { describe, expect, it } from 'vitest';
import { checkCriteria } from '../../../pipelines/advise/measurable-criteria.ts';

describe('measurable acceptance criteria (English and Chinese)', () => {
  it.each([
    "≥ 30 KOL posts on Xiaohongshu with ≥ 5,000 views each, verified by the brand's e-commerce lead by 2024-11-05",
    '3-hour livestream on Douyin with ≥ 50,000 viewers; replay link and GMV report delivered by 2025-11-11',
    'Store live on Tmall with 120 SKUs listed, decoration approved and payment tested by 2025-06-01',
    'At least 4 videos (15-60 s), at most 2 revision rounds, by 2025-03-31',
    '不少于30篇小红书达人笔记，每篇阅读量≥5,000，2024-11-05前由品牌电商负责人验收',
    '抖音直播3小时，观看人数≥50,000，11月11日前提交回放链接与GMV数据',
    '曝光不少于500万次，CPM≤45元，截止10月30日',
  ])('measurable: %s', (text) => {
    expect(checkCriteria(text).measurable).toBe(true);
  });

  it.each([
    'Good quality content',
    'Brand satisfied with the result',
    'Approved by the brand',
    'Phase 2',
    '品牌满意',
    '内容质量优秀',
    '符合品牌调性',
    '',
    null,
  ])('not measurable: %s', (text) => {
    expect(checkCriteria(text).measurable).toBe(false);
  });

  it('says what is missing', () => {
    const c = checkCriteria('20 posts on Weibo');
    expect(c.found).toEqual(['quantity', 'unit']);
    expect(c.missing).toEqual(['threshold', 'deadline', 'verifier']);
    expect(c.measurable).toBe(true);
    expect(checkCriteria('Approved by the brand').found).not.toContain('verifier');
  });
});
