import { defineEvent } from '@dailies/events';
import { z } from 'zod';

// Events of the asset use cases. Every one carries accountId, teamId, projectId and the subject
// {type: 'asset', id}. Byte counts (`storageBytes`) only count files whose upload completed, so
// usage never charges for an upload that never arrived; `fileCount` counts every file.

const assetType = z.enum(['folder', 'file', 'version_stack']);
const assetStatus = z.enum(['uploading', 'transcoding', 'ready', 'failed']);
const assetLabel = z.enum(['none', 'in_progress', 'needs_review', 'approved']);
const creatorId = z.string().nullable();
const usage = {
  assetCount: z.number().int(),
  fileCount: z.number().int(),
  storageBytes: z.number(),
};

export class AssetCreated extends defineEvent(
  'asset.created',
  1,
  z.object({
    parentId: z.string().nullable(),
    type: assetType,
    name: z.string(),
    filetype: z.string().nullable(),
    filesize: z.number(),
    creatorId,
  }),
) {}

export class AssetRenamed extends defineEvent(
  'asset.renamed',
  1,
  z.object({ from: z.string(), to: z.string(), creatorId }),
) {}

export class AssetLabelChanged extends defineEvent(
  'asset.label_changed',
  1,
  z.object({ from: assetLabel, to: assetLabel, creatorId }),
) {}

/** `keys`: the top-level property keys that were added, removed or changed. */
export class AssetPropertiesChanged extends defineEvent(
  'asset.properties_changed',
  1,
  z.object({ keys: z.array(z.string()), creatorId }),
) {}

/** Also raised for moves into, within and out of a version stack (`index` is the new position). */
export class AssetMoved extends defineEvent(
  'asset.moved',
  1,
  z.object({
    fromParentId: z.string().nullable(),
    toParentId: z.string(),
    index: z.number().int(),
    creatorId,
  }),
) {}

/** Subject: the copy's root. The counts cover the whole copied subtree. */
export class AssetCopied extends defineEvent(
  'asset.copied',
  1,
  z.object({
    sourceId: z.string(),
    copyId: z.string(),
    parentId: z.string(),
    commentCount: z.number().int(),
    ...usage,
  }),
) {}

/** Moved to the trash, with its whole subtree (the counts cover it). */
export class AssetDeleted extends defineEvent(
  'asset.deleted',
  1,
  z.object({ parentId: z.string().nullable(), creatorId, ...usage }),
) {}

export class AssetRestored extends defineEvent(
  'asset.restored',
  1,
  z.object({ parentId: z.string(), creatorId, ...usage }),
) {}

/** Purged from the trash for good (subject: the trashed root). */
export class AssetHardDeleted extends defineEvent(
  'asset.hard_deleted',
  1,
  z.object({ deletedAt: z.string(), ...usage }),
) {}

/** Subject: the stack. `createdStack` when this request turned a file into a stack. */
export class AssetVersioned extends defineEvent(
  'asset.versioned',
  1,
  z.object({
    stackId: z.string(),
    versionAssetId: z.string(),
    version: z.number().int(),
    createdStack: z.boolean(),
    creatorId,
  }),
) {}

/**
 * A stack left with a single version was replaced by that file (subject: the removed stack), in
 * the stack's parent and place.
 */
export class AssetStackDissolved extends defineEvent(
  'asset.stack_dissolved',
  1,
  z.object({ remainingAssetId: z.string(), parentId: z.string() }),
) {}

/**
 * The file's bytes are in: `filesize` is what storage holds when the upload went through object
 * storage (`storageKey`, where media processing reads the original); without a storage key the
 * size is the client's word (legacy clients that never send bytes through the API).
 */
export class AssetUploadCompleted extends defineEvent(
  'asset.upload_completed',
  1,
  z.object({
    filesize: z.number(),
    status: assetStatus,
    filetype: z.string().nullable(),
    creatorId,
    storageKey: z.string().nullable().optional(),
  }),
) {}

/** A multipart upload into storage began (`uploadId`: the upload session). */
export class AssetUploadStarted extends defineEvent(
  'asset.upload_started',
  1,
  z.object({
    uploadId: z.string(),
    filesize: z.number(),
    partCount: z.number().int(),
    creatorId,
  }),
) {}

/**
 * A multipart upload was given up and its parts dropped from storage: `cancelled` by an editor,
 * `abandoned` by the sweep after it sat unfinished too long. The file stays `uploading`.
 */
export class AssetUploadAborted extends defineEvent(
  'asset.upload_aborted',
  1,
  z.object({
    uploadId: z.string(),
    reason: z.enum(['cancelled', 'abandoned']),
    creatorId,
  }),
) {}

// Media processing (the `transcoding` status is the "processing" state: its legacy name stays,
// /v1 clients know it). A file's status moves uploading → transcoding (processing_started, with
// upload_completed) → ready (processed) or failed (processing_failed, with the reason).

/** A video or audio file's upload completed and its processing job was enqueued. */
export class AssetProcessingStarted extends defineEvent(
  'asset.processing_started',
  1,
  z.object({ version: z.number().int(), filetype: z.string().nullable(), creatorId }),
) {}

/** What processing read from the file; the asset is `ready`. */
export class AssetProcessed extends defineEvent(
  'asset.processed',
  1,
  z.object({
    version: z.number().int(),
    durationSeconds: z.number(),
    /** Exact rational, e.g. `24000/1001`; null for audio. */
    frameRate: z.string().nullable(),
    frameCount: z.number().int().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    videoCodec: z.string().nullable(),
    audioCodec: z.string().nullable(),
    audioChannels: z.number().int().nullable(),
    /** Names of the outputs stored (poster.jpg, proxy.mp4, …). */
    outputs: z.array(z.string()),
    attempts: z.number().int(),
  }),
) {}

/** Processing gave up; the asset is `failed`. */
export class AssetProcessingFailed extends defineEvent(
  'asset.processing_failed',
  1,
  z.object({ version: z.number().int(), reason: z.string(), attempts: z.number().int() }),
) {}
