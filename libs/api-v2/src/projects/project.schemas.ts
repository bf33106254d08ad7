import { CollaboratorView, ProjectView } from '@dailies/core';
import { z } from 'zod';
import { isoTime, sameShape } from '../view-schema-kit';

// Response shapes of the project routes (named components of the document).

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
      .enum(['viewer', 'reviewer', 'editor', 'manager'])
      .meta({ description: 'What the caller may do in this project' }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'ProjectView' });
sameShape<z.infer<typeof projectViewSchema>, ProjectView>(true);

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
sameShape<z.infer<typeof collaboratorViewSchema>, CollaboratorView>(true);
