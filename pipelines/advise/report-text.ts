import type {
  CheckResponse,
  IncentiveResponse,
  RefineResponse,
  SplitResponse,
} from '../schema/advice.ts';

const pct = (x: number | null, digits = 0) => (x === null ? '-' : `${(x * 100).toFixed(digits)}%`);
const money = (x: number) => Math.round(x).toLocaleString('en-US');

function checkSection(check: CheckResponse): string[] {
  const head = `Milestones (${check.milestones.length}), forecast from ${check.modelVersion === null ? 'similar past milestones' : `model v${check.modelVersion}`}:`;
  const rows = check.milestones.map(
    (m) =>
      `  ${m.id.padEnd(14)} due ${m.dueDate}  P50 ${m.p50}  P${Math.round(check.confidence * 100)} ${m.atConfidence}  P(on time) ${pct(m.pOnTime).padStart(4)}  ${m.name}`,
  );
  const findings = check.findings.length
    ? check.findings.map((f) => `  [${f.severity}] ${f.kind}: ${f.message}`)
    : ['  none'];
  return [head, ...rows, '', `Findings (${check.findings.length}):`, ...findings];
}

function refineSection(r: RefineResponse): string[] {
  const rows = r.suggestions.map((s) => `  ${s.kind}: ${s.message}`);
  return [
    `Suggestions (${r.suggestions.length}):`,
    ...(rows.length ? rows : ['  none']),
    `  With all applied: ${r.revisedPlan.milestones.length} milestones, ${r.findingsAfter.length} findings left (was ${r.findings.length}).`,
  ];
}

function splitSection(s: SplitResponse): string[] {
  const line = (label: string, p: SplitResponse['current']) =>
    `  ${label.padEnd(12)} deposit ${p.depositPct}%  retention ${p.retentionPct}%  exposure P90 ${money(p.exposureP90)}  gap P90 ${money(p.gapP90)}`;
  return [
    `Payment split (${s.currency} ${money(s.value)}, ${s.runs} runs, ${s.candidates} splits scored, ${s.frontier.length} on the frontier):`,
    line('current', s.current),
    line('recommended', s.recommended),
    `  ${s.reasoning}`,
  ];
}

function incentiveSection(i: IncentiveResponse): string[] {
  const c = i.clauses;
  return [
    `Incentives (bonus ${money(c.bonusPerDay)}/day cap ${money(c.bonusCap)}; penalty ${money(c.penaltyPerDay)}/day after ${c.penaltyGraceDays} days, cap ${money(c.penaltyCap)}):`,
    `  P(bonus) ${pct(i.pBonus)}  P(penalty) ${pct(i.pPenalty)}  expected bonus ${money(i.expectedBonus)}  expected penalty ${money(i.expectedPenalty)}`,
    `  net cost to the brand: expected ${money(i.expectedNet)}, P10 ${money(i.netP10)}, P90 ${money(i.netP90)}`,
    `  partner's P90 working-capital gap ${money(i.partnerCash.gapP90Without)} -> ${money(i.partnerCash.gapP90With)}`,
  ];
}

/** The readable report of `milepost advise --contract`. */
export function adviceReport(parts: {
  check: CheckResponse;
  refine: RefineResponse;
  split: SplitResponse;
  incentives: IncentiveResponse;
}): string {
  const c = parts.check;
  return [
    `Advice for contract ${c.contractId ?? '(draft)'} (brand ${c.brandId ?? '-'}, partner ${c.partnerId}), history as of ${c.asOf}`,
    '',
    ...checkSection(c),
    '',
    ...refineSection(parts.refine),
    '',
    ...splitSection(parts.split),
    '',
    ...incentiveSection(parts.incentives),
  ].join('\n');
}
