import type { Membership, User } from '@dailies/db';

// What the domain hands to transports: plain JSON-ready objects, no secrets.

export const toMemberView = (m: Membership & { user: User }) => ({
  userId: m.userId,
  accountId: m.accountId,
  role: m.role,
  email: m.user.email,
  name: m.user.name,
  status: m.user.status,
  joinedAt: m.createdAt.toISOString(),
});
export type MemberView = ReturnType<typeof toMemberView>;
