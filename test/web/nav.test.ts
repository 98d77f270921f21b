import { describe, expect, it } from 'vitest';
import { rolePermissions, roles, type Role } from '../../pipelines/auth/roles.ts';
import { currentNavItem, navFor, navItems } from '../../web/src/lib/nav.ts';

const callerOf = (role: Role) => ({ role, permissions: [...rolePermissions[role]] });
const keysFor = (role: Role) => navFor(callerOf(role)).map((item) => item.key);

describe('navFor', () => {
  it('lists all eight pages once, in order, with unique paths', () => {
    expect(navItems.map((item) => item.path)).toEqual([
      '/',
      '/forecasts',
      '/cash-flow',
      '/partners',
      '/cohorts',
      '/advisor',
      '/data',
      '/model-quality',
    ]);
  });

  it('shows a viewer the figures but not Data or Advisor', () => {
    expect(keysFor('viewer')).toEqual([
      'overview',
      'forecasts',
      'cashFlow',
      'partners',
      'cohorts',
      'modelQuality',
    ]);
  });

  it('shows planners, analysts and admins every page', () => {
    for (const role of roles.filter((r) => r !== 'viewer')) {
      expect(keysFor(role)).toHaveLength(navItems.length);
    }
  });

  it('follows permissions, not only role names', () => {
    const plannerWithoutImports = { role: 'planner' as const, permissions: ['figures:read'] };
    expect(navFor(plannerWithoutImports).map((item) => item.key)).not.toContain('data');
  });

  it('shows only the open pages before the caller is known', () => {
    const keys = navFor(undefined).map((item) => item.key);
    expect(keys).toContain('overview');
    expect(keys).not.toContain('data');
    expect(keys).not.toContain('advisor');
  });
});

describe('currentNavItem', () => {
  it('matches the page and its sub-paths, and the overview only at /', () => {
    expect(currentNavItem('/')?.key).toBe('overview');
    expect(currentNavItem('/cohorts')?.key).toBe('cohorts');
    expect(currentNavItem('/forecasts/projects/P1')?.key).toBe('forecasts');
    expect(currentNavItem('/cohortsx')).toBeUndefined();
    expect(currentNavItem('/unknown')).toBeUndefined();
  });
});
