import type { Account } from '@dailies/db';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';
import { userViewSchema } from './user.view';

// What the domain hands to transports: plain JSON-ready objects, no secrets.

export const accountViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    plan: z.enum(['free', 'pro', 'team', 'enterprise']),
    storageLimitBytes: z.int(),
    role: z
      .string()
      .optional()
      .meta({ description: 'The caller’s role, where the answer is about their membership' }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'AccountView' });
export type AccountView = z.infer<typeof accountViewSchema>;

export const toAccountView = (a: Account, role?: string): AccountView => ({
  id: a.id,
  name: a.name,
  plan: a.plan,
  storageLimitBytes: Number(a.storageLimitBytes),
  ...(role ? { role } : {}),
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** The caller (GET /v2/me), with their accounts and role in each. */
export const meViewSchema = userViewSchema
  .extend({
    accounts: z.array(accountViewSchema),
    emailVerified: z
      .boolean()
      .meta({ description: 'Whether the mailed verification link was followed' }),
  })
  .meta({ id: 'MeView', description: 'The caller, with their accounts and role in each' });
export type MeView = z.infer<typeof meViewSchema>;
