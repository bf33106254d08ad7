import type { Project } from '@dailies/db';
import { ProjectAccess } from '../policy/project-rules';

// What the domain hands to transports: plain JSON-ready objects.

/** A project as one caller sees it: `access` is that caller's level, so clients can hide actions. */
export const toProjectView = (p: Project, access: ProjectAccess) => ({
  id: p.id,
  accountId: p.accountId,
  teamId: p.teamId,
  name: p.name,
  private: p.private,
  archived: p.archived,
  rootAssetId: p.rootAssetId,
  ownerId: p.ownerId,
  legacyId: p.legacyId,
  access,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
export type ProjectView = ReturnType<typeof toProjectView>;
