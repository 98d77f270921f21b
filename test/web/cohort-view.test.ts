import { describe, expect, it } from 'vitest';
import {
  dimensionLabel,
  exportHref,
  formatMetric,
  readChoice,
  type LabelSources,
} from '../../web/src/lib/cohort-view.ts';
import { createFormat } from '../../web/src/lib/format.ts';

const f = createFormat('en-US');
const sources: LabelSources = {
  options: {
    brands: [{ id: 'B1', name: 'Lumen Beauty' }],
    partners: [{ id: 'P1', name: 'Red Kite', kind: 'agency' }],
    milestoneTypes: [],
    partnerKinds: [],
    pricingModels: [],
    months: { min: null, max: null },
  },
  format: f,
  milestoneTypes: { livestream: 'Livestream' },
  partnerKinds: { kol_network: 'KOL network' },
  pricingModels: { upfront: 'Upfront' },
  sizeBands: { '10k_50k': '$10k–50k' },
};

describe('readChoice', () => {
  it('reads x, y and metric from the URL with defaults', () => {
    expect(readChoice(new URLSearchParams(''))).toEqual({
      x: 'cohortQuarter',
      y: 'partnerKind',
      metric: 'onTimeRate',
    });
    expect(readChoice(new URLSearchParams('x=brand&y=milestoneType&metric=slipP80'))).toEqual({
      x: 'brand',
      y: 'milestoneType',
      metric: 'slipP80',
    });
  });

  it('ignores unknown values and never returns equal rows and columns', () => {
    expect(readChoice(new URLSearchParams('x=nope&metric=DROP')).metric).toBe('onTimeRate');
    const same = readChoice(new URLSearchParams('x=brand&y=brand'));
    expect(same.x).toBe('brand');
    expect(same.y).not.toBe('brand');
  });
});

describe('formatMetric and dimensionLabel', () => {
  it('formats rates, days, money and counts', () => {
    expect(formatMetric('onTimeRate', 0.4567, f)).toBe('45.7%');
    expect(formatMetric('slipP80', 12.25, f)).toBe('12.3');
    expect(formatMetric('value', 1_250_000, f, 'USD')).toBe('$1.3M');
    expect(formatMetric('milestones', 12345, f)).toBe('12,345');
    expect(formatMetric('disputeRate', null, f)).toBe('—');
  });

  it('names ids and codes, formats months, keeps unknown values as they are', () => {
    expect(dimensionLabel('brand', 'B1', sources)).toBe('Lumen Beauty');
    expect(dimensionLabel('partner', 'P9', sources)).toBe('P9');
    expect(dimensionLabel('partnerKind', 'kol_network', sources)).toBe('KOL network');
    expect(dimensionLabel('sizeBand', '10k_50k', sources)).toBe('$10k–50k');
    expect(dimensionLabel('cohortMonth', '2025-03', sources)).toBe('Mar 2025');
    expect(dimensionLabel('cohortQuarter', '2025-Q1', sources)).toBe('2025-Q1');
    expect(dimensionLabel('brand', null, sources)).toBe('—');
  });
});

describe('exportHref', () => {
  it('carries the filters, the grouping (rows, then columns) and the format', () => {
    const href = exportHref(
      { x: 'cohortQuarter', y: 'partnerKind', metric: 'onTimeRate' },
      { brand: 'B1', from: '2025-01' },
      'parquet',
    );
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/api/exports/cohorts');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      brand: 'B1',
      from: '2025-01',
      by: 'partnerKind,cohortQuarter',
      format: 'parquet',
    });
  });
});
