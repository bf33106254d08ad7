import { CommentAuthorView, CommentThreadView, CommentView } from '@dailies/core';
import { z } from 'zod';
import { isoTime, sameShape } from '../view-schema-kit';

// Response shapes of the comment routes (named components of the document).

export const commentAuthorViewSchema = z
  .union([
    z.object({ id: z.string(), name: z.string() }),
    z.object({ id: z.null(), name: z.string(), anonymous: z.literal(true) }),
  ])
  .meta({
    id: 'CommentAuthorView',
    description: 'A signed-in author, or an anonymous reviewer who commented through a review link',
  });
sameShape<z.infer<typeof commentAuthorViewSchema>, CommentAuthorView>(true);

export const commentViewSchema = z
  .object({
    id: z.string(),
    assetId: z
      .string()
      .meta({ description: 'The file (a version stack’s comments live on its head version)' }),
    projectId: z.string(),
    parentId: z.string().nullable().meta({ description: 'The top-level comment of a reply' }),
    author: commentAuthorViewSchema,
    text: z.string(),
    timestamp: z
      .int()
      .nullable()
      .meta({ description: 'Frame the comment points at (null: the whole asset)' }),
    duration: z
      .int()
      .nullable()
      .meta({ description: 'Length in frames of the commented range, from timestamp' }),
    annotation: z
      .unknown()
      .meta({ description: 'The drawing (JSON), as the client sent it, or null' }),
    private: z.boolean().meta({ description: 'Only members of the account see it' }),
    mentions: z.array(z.object({ userId: z.string(), name: z.string() })),
    completed: z.boolean(),
    completedAt: isoTime.nullable(),
    completedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    likeCount: z.int(),
    likedByMe: z.boolean(),
    editedAt: isoTime.nullable(),
    legacyId: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CommentView' });
sameShape<z.infer<typeof commentViewSchema>, CommentView>(true);

export const commentThreadViewSchema = commentViewSchema
  .extend({ replies: z.array(commentViewSchema) })
  .meta({
    id: 'CommentThreadView',
    description: 'A top-level comment with its replies (oldest first)',
  });
sameShape<z.infer<typeof commentThreadViewSchema>, CommentThreadView>(true);
