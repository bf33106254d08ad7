import type { ProjectCollaborator, User } from '@dailies/db';

export const toCollaboratorView = (c: ProjectCollaborator & { user: User }) => ({
  userId: c.userId,
  email: c.user.email,
  name: c.user.name,
  role: c.role,
  addedAt: c.createdAt.toISOString(),
  addedById: c.addedById,
});
export type CollaboratorView = ReturnType<typeof toCollaboratorView>;
