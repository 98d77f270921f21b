import { createToken } from '../../pipelines/auth/create-token.ts';
import type { Role } from '../../pipelines/auth/roles.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';

/** A token's secret for tests: an all-brands admin unless told otherwise. */
export async function testToken(
  warehouse: Warehouse,
  role: Role = 'admin',
  brands: string[] | null = null,
  name = `test ${role}`,
): Promise<string> {
  const created = await warehouse.withConnection((conn) =>
    createToken(conn, { name, role, brands }, new Date()),
  );
  return created.token;
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
