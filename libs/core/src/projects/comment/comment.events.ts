import { defineEvent } from '@dailies/events';
import { z } from 'zod';

// Events of the comment use cases. Every one carries accountId, teamId, projectId and the subject
// {type: 'comment', id}; payloads hold what consumers (notifications, audit, cache) need without
// reading the comment back.

/** A comment or a reply (parentId set) was posted, by a user or through a review link. */
export class CommentCreated extends defineEvent(
  'comment.created',
  1,
  z.object({
    assetId: z.string(),
    parentId: z.string().nullable(),
    /** Null for an anonymous reviewer (then reviewLinkId is set). */
    authorId: z.string().nullable(),
    authorName: z.string(),
    reviewLinkId: z.string().nullable(),
    private: z.boolean(),
    /** User ids mentioned in the comment (all have access to the project). */
    mentions: z.array(z.string()),
    /** The first 200 characters, enough for a notification. */
    textExcerpt: z.string(),
  }),
) {}

export class CommentEdited extends defineEvent(
  'comment.edited',
  1,
  z.object({ assetId: z.string(), changes: z.array(z.string()) }),
) {}

/** A comment was deleted; deleting a top-level comment also deleted its replyCount replies. */
export class CommentDeleted extends defineEvent(
  'comment.deleted',
  1,
  z.object({ assetId: z.string(), parentId: z.string().nullable(), replyCount: z.number().int() }),
) {}

export class CommentCompleted extends defineEvent(
  'comment.completed',
  1,
  z.object({ assetId: z.string() }),
) {}

export class CommentUncompleted extends defineEvent(
  'comment.uncompleted',
  1,
  z.object({ assetId: z.string() }),
) {}

/** The actor liked the comment; authorId is the comment's author (to notify them). */
export class CommentLiked extends defineEvent(
  'comment.liked',
  1,
  z.object({ assetId: z.string(), authorId: z.string().nullable() }),
) {}

export class CommentUnliked extends defineEvent(
  'comment.unliked',
  1,
  z.object({ assetId: z.string() }),
) {}
