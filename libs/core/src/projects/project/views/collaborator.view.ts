import type { ProjectCollaborator, User } from '@dailies/db';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';

export const collaboratorViewSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['editor', 'reviewer', 'viewer']),
    addedAt: isoTime,
    addedById: z.string().nullable(),
  })
  .meta({ id: 'CollaboratorView' });
export type CollaboratorView = z.infer<typeof collaboratorViewSchema>;

export const toCollaboratorView = (c: ProjectCollaborator & { user: User }): CollaboratorView => ({
  userId: c.userId,
  email: c.user.email,
  name: c.user.name,
  role: c.role,
  addedAt: c.createdAt.toISOString(),
  addedById: c.addedById,
});
