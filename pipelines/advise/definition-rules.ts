import type { Finding, Plan } from '../schema/advice.ts';
import { messagesFor } from './advice-messages.ts';
import { iso, round, type CheckContext } from './check-context.ts';
import { milestoneShare } from './draft-table.ts';
import { compareGroups, overallStats, similarHistory, type GroupStats } from './history-stats.ts';
import { checkCriteria } from './measurable-criteria.ts';

type M = Plan['milestones'][number];

/** Late and dispute rates of flagged vs unflagged history, flattened for a finding's evidence. */
export function contrastEvidence(a: GroupStats, b: GroupStats) {
  return {
    historyFlaggedN: a.n,
    historyFlaggedLateRate: round(a.lateRate),
    historyFlaggedDisputeRate: round(a.disputeRate),
    historyOtherN: b.n,
    historyOtherLateRate: round(b.lateRate),
    historyOtherDisputeRate: round(b.disputeRate),
  };
}

export function shareFindings(ctx: CheckContext): Finding[] {
  const { maxShare } = ctx.options;
  const big = ctx.plan.milestones.filter((m) => milestoneShare(ctx.plan, m) > maxShare);
  if (!big.length) return [];
  const c = compareGroups(ctx.history, (r) => r.share > maxShare, `share>${maxShare}`);
  return big.map((m) => ({
    kind: 'share_too_large',
    milestoneIds: [m.id],
    severity: milestoneShare(ctx.plan, m) > 2 * maxShare ? 'high' : 'medium',
    message: messagesFor(ctx.options.lang).shareTooLarge({
      name: m.name,
      share: milestoneShare(ctx.plan, m),
      maxShare,
    }),
    evidence: {
      share: round(milestoneShare(ctx.plan, m)),
      maxShare,
      ...contrastEvidence(c.flagged, c.unflagged),
    },
  }));
}

/**
 * Highly variable for its kind: a wide P10-P90 spread of the duration ratio, or a late rate
 * clearly above the brand's history overall (late work is common; what matters is "more so").
 */
export function isVariable(
  s: GroupStats,
  overall: GroupStats,
  ctx: Pick<CheckContext, 'options'>,
): boolean {
  if (s.completed < 10 || s.ratioP10 === null || s.ratioP90 === null) return false;
  const spread = s.ratioP90 / s.ratioP10;
  const overallSpread =
    overall.ratioP10 && overall.ratioP90
      ? overall.ratioP90 / overall.ratioP10
      : ctx.options.maxSpread;
  const lateBar = Math.max(ctx.options.maxLateRate, (overall.lateRate ?? 0) + 0.1);
  return (
    spread >= Math.max(ctx.options.maxSpread, 1.25 * overallSpread) || (s.lateRate ?? 0) >= lateBar
  );
}

export function variabilityFindings(ctx: CheckContext): Finding[] {
  const overall = overallStats(ctx.history);
  return ctx.plan.milestones.flatMap((m): Finding[] => {
    const key = {
      partnerId: m.partnerId ?? ctx.plan.partnerId,
      partnerKind: ctx.plan.partnerKind ?? null,
      type: m.type,
    };
    const sim = similarHistory(ctx.history, key);
    if (!isVariable(sim.stats, overall, ctx)) return [];
    const s = sim.stats;
    return [
      {
        kind: 'type_variable',
        milestoneIds: [m.id],
        severity: (s.lateRate ?? 0) >= (overall.lateRate ?? 0) + 0.2 ? 'high' : 'medium',
        message: messagesFor(ctx.options.lang).typeVariable({
          type: m.type,
          level: sim.level,
          p10: s.ratioP10,
          p90: s.ratioP90,
          lateRate: s.lateRate ?? 0,
        }),
        evidence: {
          level: sim.level,
          n: s.n,
          completed: s.completed,
          ratioP10: round(s.ratioP10),
          ratioP50: round(s.ratioP50),
          ratioP90: round(s.ratioP90),
          lateRate: round(s.lateRate),
          lateN: s.lateN,
          disputeRate: round(s.disputeRate),
          overallLateRate: round(overall.lateRate),
          overallRatioP10: round(overall.ratioP10),
          overallRatioP90: round(overall.ratioP90),
        },
      },
    ];
  });
}

function dayOffFinding(ctx: CheckContext, m: M): Finding[] {
  const cal = ctx.calendar;
  if (cal.isWorkday(m.dueDate)) return [];
  const s = compareGroups(ctx.history, (r) => !cal.isWorkday(r.baselineDue), 'dayoff');
  const holiday = cal.isHoliday(m.dueDate);
  const name = holiday ?? 'a weekend';
  return [
    {
      kind: 'due_in_holiday',
      milestoneIds: [m.id],
      severity: cal.isHoliday(m.dueDate) ? 'medium' : 'low',
      message: messagesFor(ctx.options.lang).dueInHoliday({
        name: m.name,
        dueDate: m.dueDate,
        holiday,
      }),
      evidence: { dueDate: m.dueDate, holiday: name, ...contrastEvidence(s.flagged, s.unflagged) },
    },
  ];
}

function peakFinding(ctx: CheckContext, m: M): Finding[] {
  const cal = ctx.calendar;
  const periods = cal.periodsOn(m.dueDate);
  if (!periods.length) return [];
  const s = compareGroups(ctx.history, (r) => cal.periodsOn(r.baselineDue).length > 0, 'peak');
  return [
    {
      kind: 'due_in_peak',
      milestoneIds: [m.id],
      severity: 'medium',
      message: messagesFor(ctx.options.lang).dueInPeak({ name: m.name, periods }),
      evidence: {
        dueDate: m.dueDate,
        period: periods[0]!.name,
        periodEnd: periods[0]!.end,
        ...contrastEvidence(s.flagged, s.unflagged),
      },
    },
  ];
}

/** Due dates on a day off (holiday or weekend) or inside a platform peak / CNY shutdown. */
export function calendarFindings(ctx: CheckContext): Finding[] {
  return ctx.plan.milestones.flatMap((m) => [...dayOffFinding(ctx, m), ...peakFinding(ctx, m)]);
}

export function forecastFindings(ctx: CheckContext): Finding[] {
  return ctx.plan.milestones.flatMap((m, i): Finding[] => {
    const f = ctx.forecasts[i];
    if (!f) return [];
    const short = ctx.calendar.workdaysBetween(m.dueDate, iso(f.days.p50));
    if (short <= 0) return [];
    return [
      {
        kind: 'due_before_p50',
        milestoneIds: [m.id],
        severity: f.pOnTime < 0.3 ? 'high' : 'medium',
        message: messagesFor(ctx.options.lang).dueBeforeP50({
          name: m.name,
          workdaysShort: short,
          p50: iso(f.days.p50),
          pOnTime: f.pOnTime,
        }),
        evidence: {
          dueDate: m.dueDate,
          p50: iso(f.days.p50),
          p80: iso(f.days.p80),
          workdaysShort: short,
          pOnTime: round(f.pOnTime),
          source: f.source,
        },
      },
    ];
  });
}

export function criteriaFindings(ctx: CheckContext): Finding[] {
  const flagged = ctx.plan.milestones
    .map((m) => ({ m, c: checkCriteria(m.acceptanceCriteria) }))
    .filter((x) => !x.c.measurable);
  if (!flagged.length) return [];
  const s = compareGroups(ctx.history, (r) => !checkCriteria(r.criteria).measurable, 'vague');
  return flagged.map(({ m, c }) => ({
    kind: 'criteria_not_measurable',
    milestoneIds: [m.id],
    severity: 'high',
    message: messagesFor(ctx.options.lang).criteriaNotMeasurable({
      name: m.name,
      criteria: m.acceptanceCriteria,
      missing: c.missing,
    }),
    evidence: {
      found: c.found.join(',') || null,
      missing: c.missing.join(','),
      ...contrastEvidence(s.flagged, s.unflagged),
    },
  }));
}

const hasWindow = (plan: Plan, m: M) => (m.reviewWindowDays ?? plan.reviewWindowDays ?? 0) > 0;

export function reviewWindowFindings(ctx: CheckContext): Finding[] {
  const missing = ctx.plan.milestones.filter((m) => !hasWindow(ctx.plan, m));
  if (!missing.length) return [];
  const lag = reviewLag(ctx);
  return missing.map((m) => ({
    kind: 'no_review_window',
    milestoneIds: [m.id],
    severity: 'low',
    message: messagesFor(ctx.options.lang).noReviewWindow({ name: m.name }),
    evidence: lag,
  }));
}

/** The brand's verification lag in history (days from submission to approval). */
export function reviewLag(ctx: CheckContext) {
  const brand = ctx.plan.brandId;
  const lags = ctx.history
    .filter((r) => (!brand || r.brandId === brand) && r.verificationLagDays !== null)
    .map((r) => r.verificationLagDays!)
    .sort((a, b) => a - b);
  const q = (p: number) =>
    lags.length ? lags[Math.min(lags.length - 1, Math.floor(p * lags.length))]! : null;
  return { historyN: lags.length, verificationLagP50: q(0.5), verificationLagP80: q(0.8) };
}

export { hasWindow };
