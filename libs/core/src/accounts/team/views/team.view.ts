import type { Team } from '@dailies/db';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';

// What the domain hands to transports: plain JSON-ready objects, no secrets.

export const teamViewSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    memberCount: z.int().optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'TeamView' });
export type TeamView = z.infer<typeof teamViewSchema>;

export const toTeamView = (t: Team, memberCount?: number): TeamView => ({
  id: t.id,
  accountId: t.accountId,
  name: t.name,
  ...(memberCount !== undefined ? { memberCount } : {}),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});
