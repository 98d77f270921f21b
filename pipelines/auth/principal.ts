import type { Role } from './roles.ts';

/** The caller behind a request: a token, its role and the brands it may see (null = all). */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  brands: readonly string[] | null;
}
