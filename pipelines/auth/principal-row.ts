import type { Principal } from './principal.ts';
import type { Role } from './roles.ts';

/** The columns of api_tokens (alias t) a Principal is made of. */
export const principalColumns = `t.token_id, t.name, t.role, t.brands`;

export interface PrincipalRow {
  token_id: string;
  name: string;
  role: Role;
  brands: string[] | null;
}

export function toPrincipal(r: PrincipalRow): Principal {
  return { tokenId: r.token_id, name: r.name, role: r.role, brands: r.brands };
}
