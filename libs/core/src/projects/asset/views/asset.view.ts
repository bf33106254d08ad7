import type { Asset } from '@dailies/db';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';

/** An asset row, possibly loaded without its (potentially large) properties. */
export type AssetRow = Omit<Asset, 'properties'> & { properties?: Asset['properties'] };

// The zod schemas are the one definition of each shape the asset use cases hand to transports:
// the types below and the OpenAPI document derive from them.

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
    // Only in answers about one asset; lists leave it out (it may be up to 1 MB).
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
    // Version stacks only: how many versions, and the highest-numbered one they present.
    versionCount: z.int().optional().meta({ description: 'Version stacks only' }),
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
export type AssetView = z.infer<typeof assetViewSchema>;

/** What a stack shows of its latest version. */
export interface StackHead {
  head: AssetRow;
  versionCount: number;
}

export function toAssetView(asset: AssetRow, stack?: StackHead): AssetView {
  const media = stack?.head ?? asset;
  return {
    id: asset.id,
    projectId: asset.projectId,
    parentId: asset.parentId,
    type: asset.type,
    name: asset.name,
    filetype: media.filetype,
    filesize: Number(media.filesize),
    duration: media.duration,
    fps: media.fps,
    frames: media.frames,
    status: media.status,
    label: asset.label,
    version: asset.version,
    ...(asset.properties !== undefined ? { properties: asObject(asset.properties) } : {}),
    creatorId: asset.creatorId,
    legacyId: asset.legacyId,
    createdAt: asset.createdAt.toISOString(),
    updatedAt: asset.updatedAt.toISOString(),
    ...(asset.deletedAt ? { deletedAt: asset.deletedAt.toISOString() } : {}),
    ...(stack ? { versionCount: stack.versionCount, headVersion: toAssetView(stack.head) } : {}),
  };
}

function asObject(value: Asset['properties']): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A file's upload instructions. */
export const uploadInstructionsSchema = z
  .object({
    method: z.literal('PUT'),
    url: z.string().nullable().meta({ description: 'null: bytes go through multipartUrl' }),
    expiresAt: isoTime.nullable(),
    multipartUrl: z.string().meta({
      description:
        'POST { filesize } here to start a multipart upload straight to storage (presigned part ' +
        'URLs; GET it to resume, DELETE it to cancel)',
    }),
    completeUrl: z.string(),
  })
  .meta({
    id: 'UploadInstructions',
    description:
      'Where to send a new file’s bytes: start a multipart upload at multipartUrl, PUT each part ' +
      'to its presigned URL, then PUT completeUrl (checked against what storage holds).',
  });
export type UploadInstructions = z.infer<typeof uploadInstructionsSchema>;

export const createdAssetViewSchema = assetViewSchema
  .extend({ upload: uploadInstructionsSchema.optional().meta({ description: 'Files only' }) })
  .meta({ id: 'CreatedAssetView' });
export type CreatedAssetView = z.infer<typeof createdAssetViewSchema>;

export const trashedAssetViewSchema = assetViewSchema
  .extend({
    deletedAt: isoTime,
    // When the purge job deletes it for good.
    purgeAfter: isoTime.meta({ description: 'When it is deleted for good (deletedAt + 30 days)' }),
  })
  .meta({ id: 'TrashedAssetView' });
export type TrashedAssetView = z.infer<typeof trashedAssetViewSchema>;

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
export type SearchCommentView = z.infer<typeof searchCommentViewSchema>;

export const searchHitSchema = z
  .object({
    kind: z.enum(['asset', 'comment']),
    asset: assetViewSchema.meta({ description: 'The asset found, or the one the comment is on' }),
    comment: searchCommentViewSchema.optional().meta({ description: 'Only for kind = comment' }),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Where and how to upload a new file's bytes. */
export const uploadInstructionsFor = (assetId: string): UploadInstructions => ({
  method: 'PUT',
  url: null,
  expiresAt: null,
  multipartUrl: `/v2/assets/${assetId}/upload`,
  completeUrl: `/v2/assets/${assetId}/upload-complete`,
});
