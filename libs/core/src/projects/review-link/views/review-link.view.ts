import type { Asset, ReviewLink } from '@dailies/db';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';

// What the review-link use cases hand to transports: plain JSON-ready objects. Never the
// password's hash; the anonymous review page shows assets without properties or creators.

export const reviewLinkViewSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    shortCode: z.string().meta({ description: 'The code in /review/<code>' }),
    url: z.string().meta({ description: 'The review page to send to reviewers' }),
    hasPassword: z.boolean(),
    active: z.boolean().meta({ description: 'False: the link was turned off' }),
    expired: z.boolean(),
    expiresAt: isoTime.nullable(),
    allowDownload: z.boolean(),
    allowComments: z.boolean().meta({ description: 'Anonymous visitors may comment' }),
    itemCount: z.int(),
    assetIds: z
      .array(z.string())
      .meta({ description: 'In the order reviewers see them (trashed ones left out)' }),
    createdById: z.string().nullable(),
    legacyId: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'ReviewLinkView' });
export type ReviewLinkView = z.infer<typeof reviewLinkViewSchema>;

export const toReviewLinkView = (
  link: ReviewLink,
  assetIds: string[],
  url: string,
  now = new Date(),
): ReviewLinkView => ({
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
  allowComments: link.allowComments,
  itemCount: assetIds.length,
  /** The shared assets in the order reviewers see them (trashed ones left out). */
  assetIds,
  createdById: link.createdById,
  legacyId: link.legacyId,
  createdAt: link.createdAt.toISOString(),
  updatedAt: link.updatedAt.toISOString(),
});

export const reviewAssetViewSchema = z
  .object({
    id: z.string(),
    type: z.string().meta({ examples: ['file', 'version_stack'] }),
    name: z.string(),
    filetype: z.string().nullable(),
    filesize: z.int(),
    duration: z.number().nullable(),
    fps: z.number().nullable(),
    frames: z.int().nullable(),
    status: z.string().meta({ examples: ['uploading', 'transcoding', 'ready', 'failed'] }),
    version: z.int(),
    createdAt: isoTime,
    updatedAt: isoTime,
    /** Version stacks: how many versions, and the one reviewers look at (comments go there). */
    versionCount: z.int().optional(),
    get headVersion(): z.ZodOptional<typeof reviewAssetViewSchema> {
      return reviewAssetViewSchema.optional();
    },
  })
  .meta({
    id: 'ReviewAssetView',
    description:
      'A shared file or version stack; a stack also has versionCount and headVersion (the ' +
      'version reviewers look at, where comments go).',
  });
export type ReviewAssetView = z.infer<typeof reviewAssetViewSchema>;

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
export const reviewPageViewSchema = z
  .object({
    name: z.string(),
    allowDownload: z.boolean(),
    allowComments: z.boolean(),
    expiresAt: isoTime.nullable(),
    items: z.array(reviewAssetViewSchema),
  })
  .meta({ id: 'ReviewPageView', description: 'What an anonymous reviewer sees at /review/<code>' });
export type ReviewPageView = z.infer<typeof reviewPageViewSchema>;
