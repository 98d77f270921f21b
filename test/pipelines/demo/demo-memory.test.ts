import { describe, expect, it } from 'vitest';
import { demoMemoryLimit } from '../../../pipelines/demo/demo-memory.ts';

const GB = 1024 ** 3;

describe('demoMemoryLimit', () => {
  it('keeps the warehouse default for the default demo and up to 1.25M milestones', () => {
    expect(demoMemoryLimit(25_000, {}, 24 * GB)).toBeUndefined();
    expect(demoMemoryLimit(1_250_000, {}, 24 * GB)).toBeUndefined();
  });

  it('gives a big demo a GB per 1.25M milestones: 8 GB at 10M', () => {
    expect(demoMemoryLimit(1_250_001, {}, 24 * GB)).toBe('2GB');
    expect(demoMemoryLimit(10_000_000, {}, 24 * GB)).toBe('8GB');
  });

  it('takes at most half of the machine, and at least 1 GB', () => {
    expect(demoMemoryLimit(10_000_000, {}, 8 * GB)).toBe('4GB');
    expect(demoMemoryLimit(10_000_000, {}, 1 * GB)).toBe('1GB');
  });

  it('leaves MILEPOST_DUCKDB_MEMORY in charge when it is set', () => {
    expect(demoMemoryLimit(10_000_000, { MILEPOST_DUCKDB_MEMORY: '3GB' }, 24 * GB)).toBeUndefined();
  });
});
