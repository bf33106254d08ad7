import type { Project } from '@dailies/db';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';
import { ProjectAccess } from '../policy/project-rules';

// What the domain hands to transports: plain JSON-ready objects. The zod schema is the one
// definition of the shape: the type below and the OpenAPI document derive from it.

const projectAccessLevels = [
  'viewer',
  'reviewer',
  'editor',
  'manager',
] as const satisfies readonly ProjectAccess[];

/** A project as one caller sees it: `access` is that caller's level, so clients can hide actions. */
export const projectViewSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    teamId: z.string(),
    name: z.string(),
    private: z.boolean(),
    archived: z.boolean(),
    rootAssetId: z.string().meta({ description: 'The project’s root folder' }),
    ownerId: z.string().nullable(),
    legacyId: z
      .string()
      .nullable()
      .meta({ description: 'Id in the legacy store; null unless migrated' }),
    access: z
      .enum(projectAccessLevels)
      .meta({ description: 'What the caller may do in this project' }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'ProjectView' });
export type ProjectView = z.infer<typeof projectViewSchema>;

export const toProjectView = (p: Project, access: ProjectAccess): ProjectView => ({
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
