import { defineEvent } from '@dailies/events';
import { z } from 'zod';

const role = z.enum(['owner', 'admin', 'member']);

export class AccountCreated extends defineEvent(
  'account.created',
  1,
  z.object({ name: z.string(), plan: z.string(), ownerId: z.string() }),
) {}

export class AccountUpdated extends defineEvent(
  'account.updated',
  1,
  z.object({
    changes: z.object({
      name: z.string().optional(),
      plan: z.string().optional(),
      storageLimitBytes: z.number().optional(),
    }),
  }),
) {}

export class MemberAdded extends defineEvent(
  'member.added',
  1,
  z.object({
    userId: z.string(),
    role,
    via: z.enum(['sign_up', 'invitation', 'staff', 'migration']),
  }),
) {}

export class MemberRoleChanged extends defineEvent(
  'member.role_changed',
  1,
  z.object({ userId: z.string(), from: role, to: role }),
) {}

export class MemberRemoved extends defineEvent(
  'member.removed',
  1,
  z.object({ userId: z.string(), role, left: z.boolean() }),
) {}

export class OwnershipTransferred extends defineEvent(
  'account.ownership_transferred',
  1,
  z.object({ fromUserId: z.string(), toUserId: z.string() }),
) {}
