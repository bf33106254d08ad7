import type { ApiToken } from '@dailies/db';

export const toApiTokenView = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
});
export type ApiTokenView = ReturnType<typeof toApiTokenView>;
