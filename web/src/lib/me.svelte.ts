// Who is signed in (GET /api/me), loaded once by the layout and shared by the header and the pages
// that show or hide actions by permission (e.g. the cohort export needs data:export).
import type { Me } from '$api/types.ts';
import type { Permission } from '../../../pipelines/auth/roles.ts';
import { api } from './api.ts';
import { RemoteData } from './remote-data.svelte.ts';

export const me = new RemoteData<Me>();

/** Whether the signed-in caller holds a permission; false until /api/me has answered. */
export function allowed(permission: Permission): boolean {
  return me.data?.permissions.includes(permission) ?? false;
}

export const loadMe = () => me.load((signal) => api.me({ signal }));
