import type { Asset, ReviewLink } from '@dailies/db';

// What the review-link use cases hand to transports: plain JSON-ready objects. Never the
// password's hash; the anonymous review page shows assets without properties or creators.

export const toReviewLinkView = (
  link: ReviewLink,
  assetIds: string[],
  url: string,
  now = new Date(),
) => ({
  id: link.id,
  projectId: link.projectId,
  name: link.name,
  shortCode: link.shortCode,
  /** The page to send to reviewers. */
  url,
  hasPassword: link.passwordHash !== null,
  active: link.active,
  expired: link.expiresAt !== null && link.expiresAt <= now,
  expiresAt: link.expiresAt?.toISOString() ?? null,
  allowDownload: link.allowDownload,
  itemCount: assetIds.length,
  /** The shared assets in the order reviewers see them (trashed ones left out). */
  assetIds,
  createdById: link.createdById,
  legacyId: link.legacyId,
  createdAt: link.createdAt.toISOString(),
  updatedAt: link.updatedAt.toISOString(),
});
export type ReviewLinkView = ReturnType<typeof toReviewLinkView>;

export interface ReviewAssetView {
  id: string;
  type: string;
  name: string;
  filetype: string | null;
  filesize: number;
  duration: number | null;
  fps: number | null;
  frames: number | null;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Version stacks: how many versions, and the one reviewers look at (comments go there). */
  versionCount?: number;
  headVersion?: ReviewAssetView;
}

export function toReviewAssetView(
  asset: Asset,
  stack?: { versionCount: number; head: Asset },
): ReviewAssetView {
  return {
    id: asset.id,
    type: asset.type,
    name: asset.name,
    filetype: asset.filetype,
    filesize: Number(asset.filesize),
    duration: asset.duration,
    fps: asset.fps,
    frames: asset.frames,
    status: asset.status,
    version: asset.version,
    createdAt: asset.createdAt.toISOString(),
    updatedAt: asset.updatedAt.toISOString(),
    ...(stack
      ? { versionCount: stack.versionCount, headVersion: toReviewAssetView(stack.head) }
      : {}),
  };
}

/** What an anonymous reviewer sees at /review/<code>. */
export interface ReviewPageView {
  name: string;
  allowDownload: boolean;
  expiresAt: string | null;
  items: ReviewAssetView[];
}
