import { defineEvent } from '@dailies/events';
import { z } from 'zod';

export class TeamCreated extends defineEvent('team.created', 1, z.object({ name: z.string() })) {}

export class TeamUpdated extends defineEvent(
  'team.updated',
  1,
  z.object({ changes: z.object({ name: z.string().optional() }) }),
) {}

export class TeamDeleted extends defineEvent('team.deleted', 1, z.object({ name: z.string() })) {}

export class TeamMemberAdded extends defineEvent(
  'team.member_added',
  1,
  z.object({ userId: z.string() }),
) {}

export class TeamMemberRemoved extends defineEvent(
  'team.member_removed',
  1,
  z.object({ userId: z.string() }),
) {}
