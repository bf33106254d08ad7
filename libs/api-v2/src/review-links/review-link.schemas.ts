import { ReviewAssetView, ReviewLinkView, ReviewPageView } from '@dailies/core';
import { z } from 'zod';
import { isoTime, sameShape } from '../view-schema-kit';

// Response shapes of the review-link routes (named components of the document).

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
sameShape<z.infer<typeof reviewLinkViewSchema>, ReviewLinkView>(true);

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
    versionCount: z.int().optional().meta({ description: 'Version stacks only' }),
    // Version stacks only: the version reviewers look at (comments go there).
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
sameShape<z.infer<typeof reviewAssetViewSchema>, ReviewAssetView>(true);

export const reviewPageViewSchema = z
  .object({
    name: z.string(),
    allowDownload: z.boolean(),
    expiresAt: isoTime.nullable(),
    items: z.array(reviewAssetViewSchema),
  })
  .meta({ id: 'ReviewPageView', description: 'What an anonymous reviewer sees at /review/<code>' });
sameShape<z.infer<typeof reviewPageViewSchema>, ReviewPageView>(true);
