import type { Account } from '@dailies/db';

// What the domain hands to transports: plain JSON-ready objects, no secrets.

export const toAccountView = (a: Account, role?: string) => ({
  id: a.id,
  name: a.name,
  plan: a.plan,
  storageLimitBytes: Number(a.storageLimitBytes),
  ...(role ? { role } : {}),
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});
export type AccountView = ReturnType<typeof toAccountView>;
