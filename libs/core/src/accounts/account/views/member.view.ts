import type { Membership, User } from '@dailies/db';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';

// What the domain hands to transports: plain JSON-ready objects, no secrets.

export const memberViewSchema = z
  .object({
    userId: z.string(),
    accountId: z.string(),
    role: z.enum(['owner', 'admin', 'member']),
    email: z.string(),
    name: z.string(),
    status: z.enum(['active', 'locked']),
    joinedAt: isoTime,
  })
  .meta({ id: 'MemberView' });
export type MemberView = z.infer<typeof memberViewSchema>;

export const toMemberView = (m: Membership & { user: User }): MemberView => ({
  userId: m.userId,
  accountId: m.accountId,
  role: m.role,
  email: m.user.email,
  name: m.user.name,
  status: m.user.status,
  joinedAt: m.createdAt.toISOString(),
});
