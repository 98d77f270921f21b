import { describe, expect, it } from 'vitest';
import { createFormat } from '../../web/src/lib/format.ts';

const f = createFormat('en-US');

describe('createFormat', () => {
  it('formats rates as percent with one decimal', () => {
    expect(f.percent(0.52821)).toBe('52.8%');
    expect(f.percent(1)).toBe('100.0%');
    expect(f.percent(0)).toBe('0.0%');
  });

  it('renders missing values as a dash, not as 0', () => {
    expect(f.percent(null)).toBe('—');
    expect(f.integer(undefined)).toBe('—');
    expect(f.days(Number.NaN)).toBe('—');
    expect(createFormat('en-US', { missing: 'n/a' }).percent(null)).toBe('n/a');
  });

  it('groups integers and keeps at most one decimal on days', () => {
    expect(f.integer(12345.4)).toBe('12,345');
    expect(f.days(2.5)).toBe('2.5');
    expect(f.days(-3)).toBe('-3');
    expect(f.days(4.04)).toBe('4');
  });

  it('rounds axis percentages and compacts large amounts', () => {
    expect(f.percentRounded(0.25)).toBe('25%');
    expect(f.compact(1_234_567)).toBe('1.2M');
    expect(f.money(1_234_567, 'USD')).toBe('$1.2M');
    expect(f.money(1_234_567, 'CNY')).toBe('CN¥1.2M');
    expect(f.money(1_234_567, null)).toBe('1.2M');
    expect(f.money(null, 'USD')).toBe('—');
  });

  it('formats calendar months and dates without shifting the day', () => {
    expect(f.month('2025-03')).toBe('Mar 2025');
    expect(f.date('2025-01-01')).toBe('Jan 1, 2025');
    expect(f.date('2025-12-31')).toBe('Dec 31, 2025');
    expect(f.month('not a month')).toBe('not a month');
  });

  it('follows the locale', () => {
    const zh = createFormat('zh-CN');
    expect(zh.integer(12345)).toBe('12,345');
    expect(zh.month('2025-03')).toBe('2025年3月');
    const de = createFormat('de-DE');
    expect(de.percent(0.528)).toMatch(/^52,8\s%$/u);
  });

  it('formats full currency amounts per locale', () => {
    expect(f.currency(1234.5, 'CNY')).toBe('CN¥1,235');
    expect(createFormat('zh-CN').currency(1234.5, 'CNY')).toBe('¥1,235');
    expect(createFormat('zh-CN').currency(1234.5, 'USD')).toBe('US$1,235');
    expect(f.currency(null, 'USD')).toBe('—');
  });

  it('signs changes: rates in percentage points, counts as they are', () => {
    expect(f.signedPoints(0.0123)).toBe('+1.2');
    expect(f.signedPoints(-0.004)).toBe('-0.4');
    expect(f.signedPoints(0)).toBe('0.0');
    expect(f.signedPoints(null)).toBe('—');
    expect(f.signed(12)).toBe('+12');
    expect(f.signed(-2.5)).toBe('-2.5');
    expect(f.signed(0)).toBe('0');
  });

  it('formats instants in UTC with the zone named', () => {
    expect(f.dateTime('2025-03-14T23:30:00Z')).toBe('Mar 14, 2025, 23:30 UTC');
    expect(createFormat('zh-CN').dateTime('2025-03-14T23:30:00Z')).toBe('2025年3月14日 23:30 UTC');
    expect(f.dateTime('garbage')).toBe('garbage');
  });
});
