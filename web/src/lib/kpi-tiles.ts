// The KPI tiles of the overview as plain view models: every rate comes with the counts behind it.
import type { KpiSummary } from '../../../api/types.ts';
import type { Format } from './format.ts';
import type { Messages } from './i18n/en.ts';

export interface KpiTile {
  id: 'onTimeRate' | 'disputeRate' | 'valueDisputeRate' | 'medianSlip' | 'p80Slip' | 'paymentLag';
  label: string;
  value: string;
  detail: string;
  hint: string;
  /** A caveat shown under the detail, e.g. amounts left out for want of an exchange rate. */
  note?: string;
  /** Change against the previous period (kpi-change.ts), when it is known. */
  change?: {
    text: string;
    detail: string;
    direction: 'up' | 'down' | 'flat';
    tone: 'good' | 'bad' | 'neutral';
  };
}

export interface KpiTileSettings {
  format: Format;
  messages: Messages['kpi'];
}

export function kpiTiles(
  summary: KpiSummary,
  { format: f, messages: t }: KpiTileSettings,
): KpiTile[] {
  const days = (n: number | null) => (n === null ? f.days(null) : t.daysLong(f.days(n)));
  const { onTimeRate, disputeRate, valueDisputeRate, slipDays, paymentLagDays } = summary;
  return [
    {
      id: 'onTimeRate',
      label: t.onTimeRate,
      value: f.percent(onTimeRate.value),
      detail: t.onTimeDetail(f.integer(onTimeRate.numerator), f.integer(onTimeRate.denominator)),
      hint: t.hints.onTimeRate,
    },
    {
      id: 'disputeRate',
      label: t.disputeRate,
      value: f.percent(disputeRate.value),
      detail: t.disputeDetail(f.integer(disputeRate.numerator), f.integer(disputeRate.denominator)),
      hint: t.hints.disputeRate,
    },
    {
      id: 'valueDisputeRate',
      label: t.valueDisputeRate,
      value: f.percent(valueDisputeRate.value),
      detail: t.valueDisputeDetail(
        f.money(valueDisputeRate.numerator, valueDisputeRate.currency),
        f.money(valueDisputeRate.denominator, valueDisputeRate.currency),
      ),
      hint: t.hints.valueDisputeRate,
      ...(valueDisputeRate.unconverted > 0
        ? { note: t.unconvertedNote(f.integer(valueDisputeRate.unconverted)) }
        : {}),
    },
    {
      id: 'medianSlip',
      label: t.medianSlip,
      value: days(slipDays.median),
      detail: t.slipDetail(f.integer(slipDays.count)),
      hint: t.hints.slip,
    },
    {
      id: 'p80Slip',
      label: t.p80Slip,
      value: days(slipDays.p80),
      detail: t.slipDetail(f.integer(slipDays.count)),
      hint: t.hints.slip,
    },
    {
      id: 'paymentLag',
      label: t.medianPaymentLag,
      value: days(paymentLagDays.median),
      detail: t.paymentLagDetail(f.integer(paymentLagDays.count)),
      hint: t.hints.paymentLag,
    },
  ];
}
