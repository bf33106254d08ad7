import type { Team } from '@dailies/db';

// What the domain hands to transports: plain JSON-ready objects, no secrets.

export const toTeamView = (t: Team, memberCount?: number) => ({
  id: t.id,
  accountId: t.accountId,
  name: t.name,
  ...(memberCount !== undefined ? { memberCount } : {}),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});
export type TeamView = ReturnType<typeof toTeamView>;
