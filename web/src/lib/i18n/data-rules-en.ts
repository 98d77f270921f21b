// Names of the importer's quarantine rules (ids from pipelines/ingest, listed in
// data/mappings/README.md), English. data-rules-zh.ts has the same keys; an unknown id (a
// mapping's own exclusion reason) is shown as it is.
export const dataRulesEn = {
  names: {
    unparseable: 'Cannot be read',
    impossible_date: 'Impossible date',
    ambiguous: 'Ambiguous value',
    formula_like: 'Looks like a formula',
    not_in_vocabulary: 'Not an allowed value',
    too_long: 'Text too long',
    out_of_range: 'Number out of range',
    not_integer: 'Not a whole number',
    missing_required: 'Required field empty',
    negative_amount: 'Negative amount',
    due_before_start: 'Due before start',
    approved_before_submitted: 'Approved before submitted',
    duplicate_key: 'Same id, different values',
    key_of_other_brand: 'Id of another brand',
    malformed_row: 'Malformed line',
    join_ambiguous: 'Several matches in the joined file',
    join_unmatched: 'No match in the joined file',
    template_task: 'Template task (excluded by the mapping)',
  } as Record<string, string>,
  /** Tooltip and screen-reader text that keeps the id analysts search by. */
  idTitle: (id: string) => `Rule id: ${id}`,
  option: (name: string, id: string) => (name === id ? id : `${name} (${id})`),
};

export type DataRuleMessages = typeof dataRulesEn;
