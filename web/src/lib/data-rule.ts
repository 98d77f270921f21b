// The name of an importer quarantine rule for the active language; the raw id when unknown.
import type { DataRuleMessages } from './i18n/data-rules-en.ts';

export const ruleName = (id: string, m: DataRuleMessages): string => m.names[id] ?? id;

/** "Required field empty (missing_required)": a choice that still shows the searchable id. */
export const ruleOption = (id: string, m: DataRuleMessages): string =>
  m.option(ruleName(id, m), id);
