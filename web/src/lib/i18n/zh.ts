// Simplified Chinese. Same keys and function signatures as en.ts (the `Messages` type checks it).
import type { Messages } from './en.ts';

import { advisorZh } from './advisor-zh.ts';
import { cashFlowZh } from './cash-flow-zh.ts';
import { cohortsZh } from './cohorts-zh.ts';
import { dataZh } from './data-zh.ts';
import { insightsZh } from './insights-zh.ts';
import { partnerPageZh } from './partner-page-zh.ts';
import { forecastsZh } from './forecasts-zh.ts';
import { modelQualityZh } from './model-quality-zh.ts';

export const zh: Messages = {
  locale: 'zh-CN',
  app: {
    name: 'Milepost',
    tagline: '里程碑分析',
    skipToContent: '跳到正文',
    mainNav: '主导航',
    nav: {
      overview: '总览',
      forecasts: '预测',
      cashFlow: '现金流',
      partners: '合作伙伴',
      cohorts: '群组分析',
      advisor: '顾问',
      data: '数据',
      modelQuality: '模型质量',
    },
    language: '语言',
    signOut: '退出登录',
    signedInAs: (name: string, role: string) => `当前用户：${name}（${role}）`,
    roles: {
      viewer: '查看者',
      planner: '计划员',
      analyst: '分析师',
      admin: '管理员',
    },
    forbidden: '您的角色无权打开此页面。请向管理员申请权限更高的令牌。',
  },
  overview: {
    title: '总览',
    pageTitle: '总览 · Milepost',
    asOf: (date: string) => `数据截至 ${date}`,
    asOfUnknown: '尚未加载数据',
    milestonesInView: (total: string, completed: string, open: string) =>
      `${total} 个里程碑 · ${completed} 个已完成 · ${open} 个进行中`,
  },
  status: {
    loading: '加载中…',
    updating: '更新中…',
    loaded: '总览已更新',
    failed: '无法加载总览',
  },
  filters: {
    legend: '筛选',
    from: '起始',
    to: '截止',
    brand: '品牌',
    partner: '合作伙伴',
    milestoneType: '里程碑类型',
    any: '全部',
    anyMonth: '任意月份',
    reset: '重置筛选',
    milestoneTypes: {
      strategy: '策略',
      creative: '创意',
      kol_seeding: 'KOL 种草',
      livestream: '直播',
      store_setup: '店铺搭建',
      content_production: '内容制作',
      media_buy: '媒介投放',
      reporting: '数据报告',
      other: '其他',
    },
    partnerKinds: {
      agency: '代理公司',
      kol_network: 'KOL 网络',
      store_operator: '店铺代运营',
      livestream: '直播机构',
      production: '制作公司',
      other: '其他',
    },
  },
  kpi: {
    regionLabel: '关键指标',
    onTimeRate: '准时率',
    onTimeDetail: (onTime: string, completed: string) =>
      `已完成 ${completed} 个中准时 ${onTime} 个`,
    disputeRate: '争议率',
    disputeDetail: (disputed: string, submitted: string) =>
      `已提交 ${submitted} 个中争议 ${disputed} 个`,
    valueDisputeRate: '争议金额占比',
    valueDisputeDetail: (disputed: string, billed: string) => `开票 ${billed} 中争议 ${disputed}`,
    unconvertedNote: (count: string) => `${count} 个里程碑缺少汇率，未计入`,
    medianSlip: '延期中位数',
    p80Slip: 'P80 延期',
    slipDetail: (count: string) => `基于 ${count} 个已完成`,
    medianPaymentLag: '付款滞后中位数',
    paymentLagDetail: (count: string) => `基于 ${count} 个已付款`,
    days: (n: string) => `${n} 天`,
    daysLong: (n: string) => `${n} 天`,
    notAvailable: '无',
    hints: {
      onTimeRate: '在基线截止日期加容差之前（含当天）交付（验收）',
      disputeRate: '已提交的里程碑中发生争议的比例',
      valueDisputeRate: '争议金额占开票金额的比例，按筛选的单一币种，否则换算为美元',
      slip: '交付日期减基线截止日期；负数表示提前',
      paymentLag: '从验收到付款的天数',
    },
  },
  trend: {
    title: '按群组月份的准时率与争议率',
    description:
      '里程碑按其基线截止日期所在月份分组。柱形为已完成的里程碑；少于 10 个里程碑的月份不绘制比率。',
    onTimeRate: '准时率',
    disputeRate: '争议率',
    completed: '已完成',
    rateAxis: '比率',
    countAxis: '里程碑',
    onTimeTooltip: (onTime: string, completed: string) => `${completed} 个中 ${onTime} 个准时`,
    disputeTooltip: (disputed: string, submitted: string) => `${submitted} 个中 ${disputed} 个争议`,
    ariaSummary: (first: string, last: string, count: number) =>
      `从 ${first} 到 ${last} 共 ${count} 个群组月份的准时率与争议率图表。相同数据也可以表格查看。`,
    empty: '这些月份没有已完成的里程碑',
    table: {
      caption: '按群组月份的准时率与争议率',
      month: '月份',
      completed: '已完成',
      onTime: '准时',
      onTimeRate: '准时率',
      submitted: '已提交',
      disputed: '争议',
      disputeRate: '争议率',
      medianSlip: '延期中位数（天）',
    },
  },
  chart: {
    showTable: '以表格显示',
    showChart: '以图表显示',
    loading: '图表加载中…',
    save: '保存',
    saveAs: (format: string, title: string) => `将“${title}”保存为 ${format}`,
  },
  partners: {
    title: '合作伙伴排名',
    description: (shown: string, total: string, minCompleted: string) =>
      `至少完成 ${minCompleted} 个里程碑的 ${total} 个合作伙伴中的前 ${shown} 个`,
    caption: '按所选列排序的合作伙伴',
    sortBy: (column: string) => `按${column}排序`,
    partner: '合作伙伴',
    completed: '已完成',
    onTimeRate: '准时率',
    disputeRate: '争议率',
    medianSlip: '延期中位数',
    p80Slip: 'P80 延期',
    medianPaymentLag: '付款滞后中位数',
    ofCount: (n: string, d: string) => `${d} 个中 ${n} 个`,
    empty: '在这些筛选条件下，没有合作伙伴完成足够的里程碑',
  },
  empty: {
    title: '没有符合筛选条件的里程碑',
    body: '扩大日期范围或清除某个筛选条件以查看结果。',
  },
  signIn: {
    title: '登录 Milepost',
    body: '粘贴 API 令牌。服务器首次启动时会打印登录链接；管理员可用以下命令创建令牌：milepost token create。',
    label: '令牌',
    submit: '登录',
    invalid: '该令牌无效（输入错误、已撤销或已过期）。',
  },
  forecasts: forecastsZh,
  cashFlow: cashFlowZh,
  modelQuality: modelQualityZh,
  advisor: advisorZh,
  cohorts: cohortsZh,
  data: dataZh,
  partnerPage: partnerPageZh,
  insights: insightsZh,
  errors: {
    title: '出错了',
    retry: '重试',
    network: '无法连接服务器。请检查 Milepost 是否正在运行。',
    unexpected: '服务器返回了意外的响应。',
  },
};
