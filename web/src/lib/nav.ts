// The dashboard's pages in navigation order, and which of them a caller may see. The one list every
// page is added to (see web/README.md, "Adding a page"). Pure: the header passes in GET /api/me.
import type { Me } from '../../../api/types.ts';
import type { Permission, Role } from '../../../pipelines/auth/roles.ts';

export type NavKey =
  | 'overview'
  | 'forecasts'
  | 'cashFlow'
  | 'partners'
  | 'cohorts'
  | 'advisor'
  | 'data'
  | 'modelQuality';

export interface NavItem {
  key: NavKey;
  /** The route's path; also the prefix that marks the item current. */
  path: '/' | `/${string}`;
  /** Permission the page's main data needs (pipelines/auth/roles.ts); none = every signed-in role. */
  permission?: Permission;
  /** Roles that see the page, when it is a matter of audience rather than of an API permission. */
  roles?: readonly Role[];
}

export const navItems: readonly NavItem[] = [
  { key: 'overview', path: '/' },
  { key: 'forecasts', path: '/forecasts' },
  { key: 'cashFlow', path: '/cash-flow' },
  { key: 'partners', path: '/partners' },
  { key: 'cohorts', path: '/cohorts' },
  // Designing contracts and payment splits is planning work (POST /api/advice/* needs advice:run).
  { key: 'advisor', path: '/advisor', permission: 'advice:run' },
  // Load history and quarantined rows carry raw source cells: GET /api/imports needs imports:read.
  { key: 'data', path: '/data', permission: 'imports:read' },
  { key: 'modelQuality', path: '/model-quality' },
];

type Caller = Pick<Me, 'role' | 'permissions'>;

/** Whether the caller may see a page. */
export function canSee(item: NavItem, caller: Caller): boolean {
  if (item.roles && !item.roles.includes(caller.role)) return false;
  return item.permission === undefined || caller.permissions.includes(item.permission);
}

/** The pages a caller sees; before GET /api/me answers (caller undefined), only open pages. */
export function navFor(caller: Caller | undefined): NavItem[] {
  return navItems.filter((item) =>
    caller ? canSee(item, caller) : item.roles === undefined && item.permission === undefined,
  );
}

/** The item whose page is showing: the longest path that prefixes the pathname. */
export function currentNavItem(pathname: string): NavItem | undefined {
  const matches = navItems.filter((item) =>
    item.path === '/'
      ? pathname === '/'
      : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}
