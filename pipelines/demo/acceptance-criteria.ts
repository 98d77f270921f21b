// Acceptance criteria as brands really write them: some measurable (counts, thresholds, who
// verifies, by when), some vague ("good quality content", "品牌满意"), in English or Chinese.
// Vague criteria draw more revision rounds and more disputes (milestone-outcome.ts).
import type { MilestoneType } from '../schema/enums.ts';
import type { Rng } from '../random/prng.ts';

type Measurable = (
  r: Rng,
  due: string,
  platform: readonly [string, string],
) => readonly [string, string];

const platforms: readonly (readonly [string, string])[] = [
  ['Tmall', '天猫'],
  ['JD', '京东'],
  ['Douyin', '抖音'],
  ['Xiaohongshu', '小红书'],
  ['WeChat', '微信'],
  ['Bilibili', 'B站'],
];

const measurable: Readonly<Record<MilestoneType, Measurable>> = {
  kol_seeding: (r, due, [p, pz]) => {
    const n = r.pick([10, 20, 30, 50]);
    const v = r.pick(['3,000', '5,000', '10,000']);
    return [
      `≥ ${n} KOL posts on ${p} with ≥ ${v} views each, verified by the brand's e-commerce lead by ${due}`,
      `不少于${n}篇${pz}达人笔记，每篇阅读量≥${v}，${due}前由品牌电商负责人验收`,
    ];
  },
  livestream: (r, due, [p, pz]) => {
    const h = r.pick([2, 3, 4]);
    const v = r.pick(['20,000', '50,000', '100,000']);
    return [
      `${h}-hour livestream on ${p} with ≥ ${v} viewers; replay link and GMV report delivered by ${due}`,
      `${pz}直播${h}小时，观看人数≥${v}，${due}前提交回放链接与GMV数据`,
    ];
  },
  store_setup: (r, due, [p, pz]) => {
    const n = r.pick([20, 50, 120]);
    return [
      `Store live on ${p} with ${n} SKUs listed, decoration approved and payment tested by ${due}`,
      `${pz}店铺上线，上架${n}个SKU，${due}前完成装修验收与支付测试`,
    ];
  },
  content_production: (r, due) => {
    const n = r.pick([4, 6, 10]);
    const m = r.pick([3, 5, 8]);
    return [
      `${n} videos (15-60 s) and ${m} key visuals in the agreed formats, at most 2 revision rounds, by ${due}`,
      `交付${n}条短视频（15-60秒）和${m}张主视觉，修改不超过2轮，${due}前交付`,
    ];
  },
  creative: (r, due) => {
    const n = r.pick([2, 3]);
    return [
      `${n} creative routes with mood boards; the chosen route developed into 5 key visuals by ${due}`,
      `提交${n}套创意方向及情绪板，选定方向于${due}前深化为5张主视觉`,
    ];
  },
  strategy: (r, due) => {
    const n = r.pick([20, 30, 40]);
    return [
      `Strategy deck (≥ ${n} pages) covering audience, channels, budget split and KPIs, signed off by the China lead by ${due}`,
      `策略方案（不少于${n}页），包含人群、渠道、预算分配与KPI，${due}前由品牌中国负责人签字确认`,
    ];
  },
  media_buy: (r, due, [p, pz]) => {
    const imp = r.pick([2, 5, 10]);
    const cpm = r.pick([30, 45, 60]);
    return [
      `${imp}M impressions on ${p} at CPM ≤ ${cpm} CNY; placement report by ${due}`,
      `${pz}曝光不少于${imp}00万次，CPM≤${cpm}元，${due}前提交投放报告`,
    ];
  },
  reporting: (r, due) => {
    const n = r.pick([3, 4, 6]);
    return [
      `Campaign report with GMV, ROI and KOL metrics for all ${n} channels, delivered by ${due}`,
      `结案报告覆盖全部${n}个渠道的GMV、ROI与达人数据，${due}前提交`,
    ];
  },
  other: (r, due) => {
    const n = r.pick([12, 30, 60]);
    return [
      `Localized copy and labels for ${n} SKUs, checked against GB labelling rules, by ${due}`,
      `完成${n}个SKU的中文文案与标签本地化，符合国标标签要求，${due}前交付`,
    ];
  },
};

const vague: readonly (readonly [string, string])[] = [
  ['Good quality content', '内容质量优秀'],
  ['Brand satisfied with the result', '品牌满意'],
  ['Approved by the brand', '品牌确认即可'],
  ['Professional standard, as discussed', '按照沟通内容执行'],
  ['High-impact campaign assets', '效果良好'],
  ['In line with brand guidelines', '符合品牌调性'],
  ['Strong engagement', '达到预期效果'],
];

/** Criteria text, or null (no criteria written, which counts as vague). */
export function acceptanceCriteria(
  rng: Rng,
  type: MilestoneType,
  isVague: boolean,
  chinese: boolean,
  due: string,
): string | null {
  if (isVague) {
    if (rng.chance(0.1)) return null;
    const [en, zh] = rng.pick(vague);
    return chinese ? zh : en;
  }
  const [en, zh] = measurable[type](rng, due, rng.pick(platforms));
  return chinese ? zh : en;
}
