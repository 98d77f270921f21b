// Contracts to pick from: one choice per contract of the listed projects, in their order.
import type { ProjectList } from '../../../../api/types.ts';

export function contractChoices(
  projects: ProjectList['projects'],
  label: (contractId: string, project: string) => string,
): { value: string; label: string }[] {
  const seen = new Set<string>();
  const out: { value: string; label: string }[] = [];
  for (const p of projects) {
    if (seen.has(p.contractId)) continue;
    seen.add(p.contractId);
    out.push({ value: p.contractId, label: label(p.contractId, p.name) });
  }
  return out;
}
