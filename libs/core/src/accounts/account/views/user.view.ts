import type { User } from '@dailies/db';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';

// What the domain hands to transports: plain JSON-ready objects, no secrets. The zod schemas
// are the one definition of each shape: the types below and the OpenAPI document derive from them.

export const userViewSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.string().meta({ examples: ['active', 'locked'] }),
    timezone: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'UserView' });
export type UserView = z.infer<typeof userViewSchema>;

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  status: u.status,
  timezone: u.timezone,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});
