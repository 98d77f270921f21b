import type { MappableField } from '../mapping/mapping-schema.ts';
import type { Transform } from '../parse/transform-schema.ts';

/** The SQL type of each canonical field and the transform used when a mapping names none. */
export const fieldTypes: Record<
  MappableField,
  { sql: 'VARCHAR' | 'DATE' | 'DOUBLE'; transform: Transform }
> = {
  milestoneId: { sql: 'VARCHAR', transform: { kind: 'text', maxLength: 128 } },
  projectId: { sql: 'VARCHAR', transform: { kind: 'text', maxLength: 128 } },
  projectName: { sql: 'VARCHAR', transform: { kind: 'text' } },
  partnerId: { sql: 'VARCHAR', transform: { kind: 'text', maxLength: 128 } },
  partnerName: { sql: 'VARCHAR', transform: { kind: 'text' } },
  partnerKind: { sql: 'VARCHAR', transform: { kind: 'vocabulary', vocabulary: 'partner_kind' } },
  partnerCity: { sql: 'VARCHAR', transform: { kind: 'text' } },
  contractId: { sql: 'VARCHAR', transform: { kind: 'text', maxLength: 128 } },
  pricingModel: { sql: 'VARCHAR', transform: { kind: 'vocabulary', vocabulary: 'pricing_model' } },
  currency: { sql: 'VARCHAR', transform: { kind: 'vocabulary', vocabulary: 'currency' } },
  name: { sql: 'VARCHAR', transform: { kind: 'text' } },
  type: { sql: 'VARCHAR', transform: { kind: 'vocabulary', vocabulary: 'milestone_type' } },
  acceptanceCriteria: { sql: 'VARCHAR', transform: { kind: 'text' } },
  plannedStart: { sql: 'DATE', transform: { kind: 'date', format: 'auto' } },
  actualStart: { sql: 'DATE', transform: { kind: 'date', format: 'auto' } },
  baselineDue: { sql: 'DATE', transform: { kind: 'date', format: 'auto' } },
  currentDue: { sql: 'DATE', transform: { kind: 'date', format: 'auto' } },
  amount: { sql: 'DOUBLE', transform: { kind: 'money' } },
  status: { sql: 'VARCHAR', transform: { kind: 'vocabulary', vocabulary: 'milestone_status' } },
  submittedDate: { sql: 'DATE', transform: { kind: 'date', format: 'auto' } },
  approvedDate: { sql: 'DATE', transform: { kind: 'date', format: 'auto' } },
  paidDate: { sql: 'DATE', transform: { kind: 'date', format: 'auto' } },
  disputeOpened: { sql: 'DATE', transform: { kind: 'date', format: 'auto' } },
  disputeReason: {
    sql: 'VARCHAR',
    transform: { kind: 'vocabulary', vocabulary: 'dispute_reason' },
  },
  disputeAmount: { sql: 'DOUBLE', transform: { kind: 'money' } },
};

/** Defaults for fields a mapping leaves out (SQL over the typed row; `null` = stays NULL). */
export const fieldDefaults: Partial<Record<MappableField, string>> = {
  projectId: `milestone_id`,
  projectName: `project_id`,
  partnerName: `partner_id`,
  partnerKind: `'other'`,
  contractId: `brand_id || ':' || partner_id`,
  pricingModel: `'milestone'`,
  currency: `'CNY'`,
  name: `milestone_id`,
  type: `'other'`,
  currentDue: `baseline_due`,
  amount: `0`,
  status: `CASE WHEN approved_date IS NOT NULL THEN 'approved' WHEN submitted_date IS NOT NULL THEN 'submitted' ELSE 'in_progress' END`,
};

export function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
