import {
  AssetView,
  CreatedAssetView,
  SearchCommentView,
  SearchHit,
  TrashedAssetView,
  UploadInstructions,
} from '@dailies/core';
import { z } from 'zod';
import { isoTime, sameShape } from '../view-schema-kit';

// Response shapes of the asset routes (named components of the document).

export const assetViewSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    parentId: z
      .string()
      .nullable()
      .meta({ description: 'null only for the project’s root folder' }),
    type: z.enum(['folder', 'file', 'version_stack']),
    name: z.string(),
    filetype: z.string().nullable().meta({ description: 'Media type, e.g. video/mp4' }),
    filesize: z.int().meta({ description: 'Bytes' }),
    duration: z.number().nullable().meta({ description: 'Seconds' }),
    fps: z.number().nullable(),
    frames: z.int().nullable(),
    status: z.enum(['uploading', 'transcoding', 'ready', 'failed']).meta({
      description:
        'Files: uploading until upload-complete, then transcoding (video/audio) or ready. ' +
        'Stacks: the status of their latest version.',
    }),
    label: z.enum(['none', 'in_progress', 'needs_review', 'approved']),
    version: z.int().meta({ description: 'Position in its version stack (1, 2, …); 1 elsewhere' }),
    properties: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'Custom metadata (≤ 1 MB). Only in answers about one asset.' }),
    creatorId: z.string().nullable(),
    legacyId: z
      .string()
      .nullable()
      .meta({ description: 'Id in the legacy store; null unless migrated' }),
    createdAt: isoTime,
    updatedAt: isoTime,
    deletedAt: isoTime.optional().meta({ description: 'Only for trashed assets' }),
    versionCount: z.int().optional().meta({ description: 'Version stacks only' }),
    // Version stacks only: the highest-numbered version, whose filetype, filesize, status,
    // duration, fps and frames the stack shows as its own.
    get headVersion(): z.ZodOptional<typeof assetViewSchema> {
      return assetViewSchema.optional();
    },
  })
  .meta({
    id: 'AssetView',
    description:
      'A folder, file or version stack. A stack also has versionCount and headVersion (its ' +
      'highest-numbered version, whose media fields it shows as its own).',
  });
sameShape<z.infer<typeof assetViewSchema>, AssetView>(true);

export const uploadInstructionsSchema = z
  .object({
    method: z.literal('PUT'),
    url: z.string().nullable(),
    expiresAt: isoTime.nullable(),
    completeUrl: z.string(),
  })
  .meta({
    id: 'UploadInstructions',
    description:
      'Where to send a new file’s bytes, then PUT completeUrl. Until object storage is connected, ' +
      'url and expiresAt are null (a presigned URL and its expiry later).',
  });
sameShape<z.infer<typeof uploadInstructionsSchema>, UploadInstructions>(true);

export const createdAssetViewSchema = assetViewSchema
  .extend({ upload: uploadInstructionsSchema.optional().meta({ description: 'Files only' }) })
  .meta({ id: 'CreatedAssetView' });
sameShape<z.infer<typeof createdAssetViewSchema>, CreatedAssetView>(true);

export const trashedAssetViewSchema = assetViewSchema
  .extend({
    deletedAt: isoTime,
    purgeAfter: isoTime.meta({ description: 'When it is deleted for good (deletedAt + 30 days)' }),
  })
  .meta({ id: 'TrashedAssetView' });
sameShape<z.infer<typeof trashedAssetViewSchema>, TrashedAssetView>(true);

export const searchCommentViewSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    parentId: z.string().nullable(),
    authorId: z.string().nullable(),
    authorName: z.string().nullable(),
    frame: z.int().nullable(),
    private: z.boolean(),
    createdAt: isoTime,
  })
  .meta({ id: 'SearchCommentView' });
sameShape<z.infer<typeof searchCommentViewSchema>, SearchCommentView>(true);

export const searchHitSchema = z
  .object({
    kind: z.enum(['asset', 'comment']),
    asset: assetViewSchema.meta({ description: 'The asset found, or the one the comment is on' }),
    comment: searchCommentViewSchema.optional().meta({ description: 'Only for kind = comment' }),
  })
  .meta({ id: 'SearchHit' });
sameShape<z.infer<typeof searchHitSchema>, SearchHit>(true);
