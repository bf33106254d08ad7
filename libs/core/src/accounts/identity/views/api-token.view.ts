import type { ApiToken } from '@dailies/db';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';

export const apiTokenViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(['read', 'write']).meta({ description: 'read: GET only; write: everything' }),
    expiresAt: isoTime.nullable(),
    lastUsedAt: isoTime.nullable(),
    createdAt: isoTime,
  })
  .meta({ id: 'ApiTokenView' });
export type ApiTokenView = z.infer<typeof apiTokenViewSchema>;

export const toApiTokenView = (t: ApiToken): ApiTokenView => ({
  id: t.id,
  name: t.name,
  scope: t.scope === 'read' ? 'read' : 'write',
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
});

/** The answer to creating a token: the only time its secret is shown. */
export const createdApiTokenViewSchema = apiTokenViewSchema
  .extend({ token: z.string().meta({ description: 'Shown once: the secret to send as Bearer' }) })
  .meta({ id: 'CreatedApiTokenView' });
