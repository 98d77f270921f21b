// 中文建议文案：与 messages-en.ts 一一对应，数值相同，按中文习惯表述和排版。
import { chineseDaysSource } from '../calendar/index.ts';
import type { AdviceMessages } from './advice-messages.ts';
import type { CriteriaElement } from './measurable-criteria.ts';

const pct = (x: number, digits = 0) => `${(x * 100).toFixed(digits)}%`;
const money = (x: number) => Math.round(x).toLocaleString('zh-CN');
const ofValue = (x: number, value: number) => `${((100 * x) / value).toFixed(1)}%`;

/** 2026-11-20 -> 2026年11月20日 (an unparseable text is kept as is). */
export function dateZh(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : isoDate;
}

let holidayNames: Map<string, string> | undefined;

/** A holiday's Chinese name from the calendar data (its English name when the data has none). */
function holidayZh(name: string): string {
  holidayNames ??= new Map(
    [...chineseDaysSource().holidays.values()]
      .filter((d) => d.nameZh)
      .map((d) => [d.name, d.nameZh]),
  );
  return holidayNames.get(name) ?? name;
}

const typeNames: Record<string, string> = {
  strategy: '策略',
  creative: '创意',
  kol_seeding: 'KOL 种草',
  livestream: '直播',
  store_setup: '店铺搭建',
  content_production: '内容制作',
  media_buy: '媒介投放',
  reporting: '数据报告',
  other: '其他',
};

const levelNames: Record<string, string> = {
  partner_type: '同一合作方的同类工作',
  partner_kind_type: '同类合作方的同类工作',
  type: '所有同类工作',
};

const elementNames: Record<CriteriaElement, string> = {
  quantity: '数量',
  unit: '单位',
  threshold: '达标门槛',
  deadline: '截止日期',
  verifier: '验收人',
};

const moveReason = (a: Parameters<AdviceMessages['moveDueDate']>[0]) => {
  const label = `P${Math.round(a.confidence * 100)}`;
  if (a.early)
    return `推迟到${dateZh(a.to)}（${a.afterPredecessor ? '前置里程碑改期后的' : ''}预测 ${label}）：按期概率从 ${pct(a.pBefore)} 提高到 ${pct(a.pAfter)}`;
  return a.afterPredecessor
    ? `推迟到${dateZh(a.to)}，排在前置里程碑的新日期之后`
    : `从休息日顺延到下一个工作日${dateZh(a.to)}`;
};

export const messagesZh: AdviceMessages = {
  shareTooLarge: (a) =>
    `“${a.name}”占合同金额的 ${pct(a.share)}（上限 ${pct(a.maxShare)}）：一次延期或争议会卡住大部分款项。`,
  typeVariable: (a) =>
    `${typeNames[a.type] ?? a.type}类工作（${levelNames[a.level] ?? a.level}）历来波动很大：实际/计划工期比的 P10–P90 为 ${a.p10?.toFixed(2)}–${a.p90?.toFixed(2)}，${pct(a.lateRate)} 延期。`,
  dueInHoliday: (a) =>
    `“${a.name}”的截止日期是${dateZh(a.dueDate)}，正值${a.holiday ? holidayZh(a.holiday) : '周末'}：当天无人审核，也无人交付。`,
  dueInPeak: (a) =>
    `“${a.name}”的截止日期落在${a.periods.map((p) => p.labelZh || p.label).join('、')}期间，合作方产能紧张。`,
  dueBeforeP50: (a) =>
    `“${a.name}”的截止日期比预测 P50（${dateZh(a.p50)}）早 ${a.workdaysShort} 个工作日：延期的可能性大于按期（按期概率 ${pct(a.pOnTime)}）。`,
  criteriaNotMeasurable: (a) =>
    a.criteria?.trim()
      ? `“${a.name}”：验收标准“${a.criteria}”没有写明${a.missing.map((e) => elementNames[e]).join('、')}，审核时会为“是否完成”起争议。`
      : `“${a.name}”没有验收标准：审核时会为“是否完成”起争议。`,
  noReviewWindow: (a) => `“${a.name}”没有审核期：审核时间无人负责，也无法与合作方的延误区分开。`,
  chainNoBuffer: (a) =>
    `“${a.name}”于${dateZh(a.plannedStart)}开始，紧接“${a.predecessor}”（截止${dateZh(a.predecessorDue)}，预测 P80 为${dateZh(a.predecessorP80)}），中间没有缓冲：前者一延期，它就跟着延期。`,
  split: (a) =>
    `将“${a.name}”拆分为 ${a.parts} 个里程碑，每个约占 ${pct(a.sharePerPart)}、约 ${a.daysPerPart} 天，每部分验收后即付款。`,
  splitPartName: (name, i, k) => `${name}（第 ${i}/${k} 部分）`,
  merge: (a) =>
    `将“${a.name}”（${pct(a.share, 1)}，仅几天工作量）并入“${a.into}”：单独验收和开票的成本高于它带来的保障。`,
  moveDueDate: (a) => `将“${a.name}”的截止日期从${dateZh(a.from)}${moveReason(a)}。`,
  addReviewWindow: (a) =>
    `为${a.names.length === 1 ? `“${a.names[0]}”` : ` ${a.names.length} 个里程碑`}设置 ${a.days} 个工作日的审核期：该品牌 80% 的审核在 ${a.calendarDays} 个自然日内完成；超出审核期的延误由品牌承担，而非合作方。`,
  splitReasoning: (a) =>
    [
      `在权衡前沿上的 ${a.frontierSize} 种付款方案中，预付 ${a.depositPct}%、尾款保留 ${a.retentionPct}%、里程碑比例偏向${a.lean === 'earlier' ? '前期' : '后期'}里程碑的方案最能兼顾双方：`,
      `品牌方的 P90 风险敞口（已付款减已交付价值）峰值为 ${money(a.exposure)}（占合同金额的 ${ofValue(a.exposure, a.value)}，现为 ${money(a.exposureNow)}），`,
      `合作方的 P90 资金缺口（已发生成本减已收款）峰值为 ${money(a.gap)}（${ofValue(a.gap, a.value)}，现为 ${money(a.gapNow)}）。`,
      `沿前沿移动，降低一方必然抬高另一方。`,
    ].join(''),
};
