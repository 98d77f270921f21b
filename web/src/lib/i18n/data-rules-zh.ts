// 导入隔离规则的中文名称（与 data-rules-en.ts 键名相同）；未知的规则编号原样显示。
import type { DataRuleMessages } from './data-rules-en.ts';

export const dataRulesZh: DataRuleMessages = {
  names: {
    unparseable: '无法解析',
    impossible_date: '不存在的日期',
    ambiguous: '值有歧义',
    formula_like: '疑似公式',
    not_in_vocabulary: '不在允许的取值中',
    too_long: '文本过长',
    out_of_range: '数值超出范围',
    not_integer: '不是整数',
    missing_required: '必填字段为空',
    negative_amount: '金额为负',
    due_before_start: '截止日期早于开始日期',
    approved_before_submitted: '批准日期早于提交日期',
    duplicate_key: '同一编号的值不一致',
    key_of_other_brand: '编号属于其他品牌',
    malformed_row: '行格式错误',
    join_ambiguous: '关联文件中有多行匹配',
    join_unmatched: '关联文件中没有匹配行',
    template_task: '模板任务（映射排除）',
  } as Record<string, string>,
  idTitle: (id: string) => `规则编号：${id}`,
  option: (name: string, id: string) => (name === id ? id : `${name}（${id}）`),
};
