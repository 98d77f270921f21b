// Is an acceptance criterion measurable? A reviewer can only say yes or no without argument when
// the text fixes a quantity (a count), a unit, a threshold (≥, at most, 不少于), a deadline or a
// named verifier (a role, not "the brand"). Vague criteria draw disputes (see pipelines/demo).

export type CriteriaElement = 'quantity' | 'unit' | 'threshold' | 'deadline' | 'verifier';

export interface CriteriaCheck {
  measurable: boolean;
  found: CriteriaElement[];
  missing: CriteriaElement[];
}

const ALL: readonly CriteriaElement[] = ['quantity', 'unit', 'threshold', 'deadline', 'verifier'];

const rules: Record<CriteriaElement, readonly RegExp[]> = {
  quantity: [/\d/, /[一二三四五六七八九十百千万两]+\s*(个|篇|条|张|场|套|页|轮|小时|次)/],
  unit: [
    /\d[\d,.]*\s*(%|k\b|m\b|cny|rmb|usd|yuan|元|万|亿|次|个|篇|条|张|场|套|页|轮|秒|分钟|小时|天)/i,
    /\b\d[\d,.]*\s*-?\s*(posts?|videos?|views?|viewers?|impressions?|skus?|pages?|hours?|days?|visuals?|routes?|channels?|rounds?|seconds?|s)\b/i,
    /\b(gmv|roi|cpm|ctr|cpc|cpa)\b/i,
  ],
  threshold: [
    /[≥≤<>]/,
    /\b(at least|at most|no more than|no less than|minimum|maximum|min\.?|max\.?|or more|up to|within|exceeds?|above|below)\b/i,
    /(不少于|不低于|不超过|不高于|至少|最多|以上|以内|达到|超过)/,
  ],
  deadline: [
    /\d{4}-\d{2}-\d{2}/,
    /\d{1,2}\s*[月/.]\s*\d{1,2}\s*日?/,
    /\b(by|before|no later than|due)\s+(\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|end of)/i,
    /(之前|前完成|前提交|前交付|截止|前由)/,
  ],
  verifier: [
    /\b(signed off|verified|approved|checked|accepted|reviewed)\s+by\s+(the\s+)?(?!brand\b)[a-z'’ -]*(lead|manager|director|head|team|officer|owner|auditor|agency|qa)\b/i,
    /\b(third[- ]party|audited|platform data|backend data|dashboard export)\b/i,
    /(负责人|经理|总监|主管|法务|第三方|审计|签字|后台数据)/,
  ],
};

/** Checks one criteria text; null or blank counts as not measurable. */
export function checkCriteria(text: string | null | undefined): CriteriaCheck {
  const t = (text ?? '').trim();
  const found = t ? ALL.filter((e) => rules[e].some((r) => r.test(t))) : [];
  // A number alone ("phase 2") is not enough: it needs a unit, threshold, deadline or verifier.
  const measurable =
    found.length >= 2 && (found.includes('quantity') || found.includes('threshold'));
  return { measurable, found, missing: ALL.filter((e) => !found.includes(e)) };
}
