// Strings of the Overview's change line, policy impact and top risks (Chinese); same keys as
// insights-en.ts.
import type { insightsEn } from './insights-en.ts';

export const insightsZh: typeof insightsEn = {
  change: {
    points: (delta: string) => `${delta} 个百分点`,
    days: (delta: string) => `${delta} 天`,
    versus: (previous: string, period: string) => `对比 ${period} 的 ${previous}`,
    recent: (delta: string) => `近 3 个月：${delta}`,
    ofCount: (n: string, d: string) => `${d} 个中 ${n} 个`,
    period: (from: string, to: string) => (from === to ? from : `${from} – ${to}`),
    up: '上升',
    down: '下降',
    flat: '持平',
  },
  policy: {
    title: '改为按里程碑计价的影响',
    description: (treated: string, control: string, first: string, last: string) =>
      `${treated} 个品牌在 ${first} 至 ${last} 之间改为按里程碑计价；以从未改变的 ${control} 个品牌作对照。区间为按品牌聚类的 95% 自助法区间。`,
    onTime: '准时率',
    dispute: '争议率',
    group: '组别',
    switched: '已改变的品牌',
    control: '从未改变的品牌',
    before: '改变前',
    after: '改变后',
    rate: (value: string, n: string, d: string, low: string, high: string) =>
      `${value}（${d} 个中 ${n} 个；${low}–${high}）`,
    rateNoInterval: (value: string, n: string, d: string) => `${value}（${d} 个中 ${n} 个）`,
    beforeAfter: '前后对比（已改变的品牌）',
    did: '双重差分',
    estimate: (value: string, low: string, high: string) =>
      `${value} 个百分点（95% 置信区间 ${low} 至 ${high}）`,
    estimateNoInterval: (value: string) => `${value} 个百分点（品牌太少，无法给出区间）`,
    none: '当前范围内没有品牌改为按里程碑计价，无法比较。',
    caption: (metric: string) => `改变前后的${metric}`,
    forest: {
      title: '效应及其 95% 区间',
      description: '每条横线是以百分点计的 95% 区间；横线跨过 0 线表示该效应与零无法区分。',
      axis: '百分点',
      kinds: { did: '双重差分', beforeAfter: '前后对比' },
      rowLabel: (metric: string, kind: string) => `${metric}（${kind}）`,
      sentence: (label: string, value: string, low: string, high: string, verdict: string) =>
        `${label}变化 ${value} 个百分点（95% 区间 ${low} 至 ${high}）：${verdict}。`,
      sentenceNoInterval: (label: string, value: string) =>
        `${label}变化 ${value} 个百分点（品牌太少，无法给出区间）。`,
      verdicts: {
        above: '与零可区分（上升）',
        below: '与零可区分（下降）',
        includesZero: '与零无法区分',
        unknown: '无区间',
      },
      effect: '效应',
      estimate: '估计值（百分点）',
      interval: '95% 区间（百分点）',
      verdict: '与零可区分？',
      caption: '政策效应及其 95% 区间',
    },
  },
  risks: {
    title: '主要风险',
    description: '按当前模型，最可能延期完成的进行中里程碑。',
    milestone: '里程碑',
    partner: '合作伙伴',
    due: '截止日期',
    p80: 'P80 完成日期',
    probability: '延期概率',
    why: '主要原因',
    empty: '没有存在风险的进行中里程碑。',
    open: (id: string) => `在预测页打开 ${id}`,
    all: '全部风险里程碑',
  },
};
