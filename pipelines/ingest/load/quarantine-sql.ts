// Quarantine statements. Only the rows that go to quarantine need the staged row as read
// (`row_data`): it is joined back by line from `imp_raw` (keep-raw-sql.ts: the staged rows a
// quarantine may need, kept before the staging table was dropped), so the typed rows never carry it.
// `raw` is a trusted relation name.

export function quarantineFaultsSql(raw: string): string {
  return `
INSERT INTO quarantine
SELECT $load, $file, b.__line, b.__fault.rule, b.__fault.col, b.__fault.val, b.__fault.msg, to_json(s)
FROM imp_bad b LEFT JOIN ${raw} s ON s.source_line = b.__line`;
}

/** Every row of a key that clashes within the file, or that belongs to another brand. */
export function quarantineConflictsSql(raw: string): string {
  return `
INSERT INTO quarantine
SELECT $load, $file, h.__line, c.rule, NULL, h.milestone_id,
       CASE c.rule WHEN 'duplicate_key'
         THEN 'milestone id ' || h.milestone_id || ' appears ' || c.n || ' times with different values (lines '
              || array_to_string(c.lines[1:5], ', ') || CASE WHEN c.n > 5 THEN ', ...' ELSE '' END || ')'
         ELSE 'milestone id ' || h.milestone_id || ' belongs to another brand' END,
       to_json(s)
FROM imp_hashed h JOIN imp_conflict c USING (milestone_id)
LEFT JOIN ${raw} s ON s.source_line = h.__line`;
}
