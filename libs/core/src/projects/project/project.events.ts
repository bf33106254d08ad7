import { defineEvent } from '@dailies/events';
import { z } from 'zod';

// Events of the project use cases. Every one carries accountId, teamId, projectId and the subject
// { type: 'project', id }.

const projectRole = z.enum(['editor', 'reviewer', 'viewer']);

export class ProjectCreated extends defineEvent(
  'project.created',
  1,
  z.object({ name: z.string(), private: z.boolean(), rootAssetId: z.string() }),
) {}

/** Only the fields that changed; archiving and unarchiving are `changes.archived`. */
export class ProjectUpdated extends defineEvent(
  'project.updated',
  1,
  z.object({
    changes: z.object({
      name: z.string().optional(),
      private: z.boolean().optional(),
      archived: z.boolean().optional(),
    }),
  }),
) {}

/**
 * The project and everything in it are gone. The usage consumer subtracts the files: those that
 * were live (`fileCount`, `storageBytes`) and those that were already in the trash, separately.
 */
export class ProjectDeleted extends defineEvent(
  'project.deleted',
  1,
  z.object({
    name: z.string(),
    fileCount: z.number().int().nonnegative(),
    storageBytes: z.number().int().nonnegative(),
    trashedFileCount: z.number().int().nonnegative(),
    trashedStorageBytes: z.number().int().nonnegative(),
  }),
) {}

export class CollaboratorAdded extends defineEvent(
  'project.collaborator_added',
  1,
  z.object({ userId: z.string(), role: projectRole }),
) {}

export class CollaboratorRoleChanged extends defineEvent(
  'project.collaborator_role_changed',
  1,
  z.object({ userId: z.string(), from: projectRole, to: projectRole }),
) {}

export class CollaboratorRemoved extends defineEvent(
  'project.collaborator_removed',
  1,
  z.object({ userId: z.string() }),
) {}
