// Strings of the Partners page (Chinese); same keys as partner-page-en.ts.
import type { partnerPageEn } from './partner-page-en.ts';

export const partnerPageZh: typeof partnerPageEn = {
  title: '合作伙伴',
  pageTitle: '合作伙伴 · Milepost',
  intro: '最多四个合作伙伴的评分卡并排比较，附季度趋势。',
  picker: '要比较的合作伙伴',
  add: '添加合作伙伴',
  addPlaceholder: '请选择…',
  remove: (name: string) => `移除 ${name}`,
  defaultNote: '当前显示已完成里程碑最多的两个合作伙伴。添加或移除合作伙伴以比较其他伙伴。',
  metric: '趋势指标',
  metrics: { onTimeRate: '准时率', disputeRate: '争议率' },
  scorecard: (name: string) => `${name} 的评分卡`,
  milestones: (total: string, completed: string, open: string) =>
    `${total} 个里程碑 · ${completed} 个已完成 · ${open} 个进行中`,
  chartTitle: (metric: string) => `按季度的${metric}`,
  chartDescription: '比率背后少于 5 个里程碑的季度不绘制。',
  chartAria: (metric: string, partners: string) =>
    `${partners} 按季度的${metric}折线图。相同数据见表格。`,
  quarter: '季度',
  empty: '在这些筛选条件下，这些合作伙伴没有已完成的里程碑',
  none: '请至少选择一个合作伙伴以查看评分卡。',
};
