import type { Asset, AssetLabel, AssetStatus, AssetType } from '@dailies/db';

/** An asset row, possibly loaded without its (potentially large) properties. */
export type AssetRow = Omit<Asset, 'properties'> & { properties?: Asset['properties'] };

export interface AssetView {
  id: string;
  projectId: string;
  parentId: string | null;
  type: AssetType;
  name: string;
  filetype: string | null;
  filesize: number;
  duration: number | null;
  fps: number | null;
  frames: number | null;
  status: AssetStatus;
  label: AssetLabel;
  version: number;
  /** Only in answers about one asset; lists leave it out (it may be up to 1 MB). */
  properties?: Record<string, unknown>;
  creatorId: string | null;
  legacyId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Only for trashed assets. */
  deletedAt?: string;
  /** Version stacks only: how many versions, and the highest-numbered one they present. */
  versionCount?: number;
  headVersion?: AssetView;
}

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

/** A file's upload instructions. `url`/`expiresAt` stay null until object storage exists. */
export interface UploadInstructions {
  method: 'PUT';
  url: string | null;
  expiresAt: string | null;
  completeUrl: string;
}

export type CreatedAssetView = AssetView & { upload?: UploadInstructions };

export interface TrashedAssetView extends AssetView {
  deletedAt: string;
  /** When the purge job deletes it for good. */
  purgeAfter: string;
}

export interface SearchHit {
  kind: 'asset' | 'comment';
  asset: AssetView;
  comment?: SearchCommentView;
}

export interface SearchCommentView {
  id: string;
  text: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  frame: number | null;
  private: boolean;
  createdAt: string;
}

/** Where and how to upload a new file's bytes (presigned URLs fill `url` once storage exists). */
export const uploadInstructionsFor = (assetId: string): UploadInstructions => ({
  method: 'PUT',
  url: null,
  expiresAt: null,
  completeUrl: `/v2/assets/${assetId}/upload-complete`,
});
