import { z } from 'zod';
import { Role } from '../auth/roles.ts';

// Shapes of the token and session endpoints (OpenAPI and the dashboard's types come from here).

const Brands = z
  .array(z.string().min(1).max(128))
  .min(1)
  .max(500)
  .nullable()
  .describe('brand ids the token may see; null = every brand (admin only)');

export const TokenInfoSchema = z
  .object({
    tokenId: z.string(),
    name: z.string(),
    role: Role,
    brands: Brands,
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'TokenInfo' });
export type TokenInfo = z.infer<typeof TokenInfoSchema>;

export const NewTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    role: Role,
    brands: Brands,
  })
  .meta({ id: 'NewToken', example: { name: 'CFO dashboard', role: 'viewer', brands: ['B1'] } });
export type NewToken = z.infer<typeof NewTokenSchema>;

export const CreatedTokenSchema = TokenInfoSchema.extend({
  token: z.string().describe('the secret; shown once, only its hash is stored'),
}).meta({ id: 'CreatedToken' });
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;

export const MeSchema = z
  .object({
    tokenId: z.string(),
    name: z.string(),
    role: Role,
    brands: Brands,
    permissions: z.array(z.string()),
    via: z.enum(['bearer', 'session']),
    csrfToken: z
      .string()
      .nullable()
      .describe('send as X-CSRF-Token on non-GET requests made with the session cookie'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;
