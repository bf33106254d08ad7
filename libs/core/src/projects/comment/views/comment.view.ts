import type { Comment } from '@dailies/db';
import { FrameRate, formatFrameRate, frameRate, mediaTimeOf } from '@dailies/media';
import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';

// What the comment use cases hand to transports: plain JSON-ready objects. The zod schemas are
// the one definition of each shape: the types below and the OpenAPI document derive from them.

/** A user as comments show them: id and current name. */
export const userRefViewSchema = z
  .object({ id: z.string(), name: z.string() })
  .meta({ id: 'UserRefView', description: 'A user: id and current name' });

/** A signed-in author, or an anonymous reviewer who commented through a review link. */
export const commentAuthorViewSchema = z
  .union([
    userRefViewSchema,
    z.object({ id: z.null(), name: z.string(), anonymous: z.literal(true) }),
  ])
  .meta({
    id: 'CommentAuthorView',
    description: 'A signed-in author, or an anonymous reviewer who commented through a review link',
  });
export type CommentAuthorView = z.infer<typeof commentAuthorViewSchema>;

export const commentMentionViewSchema = z
  .object({ userId: z.string(), name: z.string() })
  .meta({ id: 'CommentMentionView' });
export type CommentMentionView = z.infer<typeof commentMentionViewSchema>;

const mediaTimeViewSchema = z
  .object({
    frame: z.int().meta({ description: 'Frame number, from 0' }),
    seconds: z.number().meta({ description: 'Start of that frame, in seconds (to the µs)' }),
    smpte: z.string().meta({
      description: 'SMPTE timecode; `;` before the frames marks drop-frame (29.97, 59.94)',
      examples: ['00:01:00;02', '00:00:41:17'],
    }),
  })
  .meta({ id: 'MediaTimeView' });

/** Where a timestamped comment points, in every unit, once the file's real rate is known. */
export const commentTimeViewSchema = z
  .object({
    frameRate: z.string().meta({ description: 'Exact rate of the file', examples: ['24000/1001'] }),
    start: mediaTimeViewSchema,
    end: mediaTimeViewSchema
      .nullable()
      .meta({ description: 'The frame after the range (timestamp + duration), or null' }),
  })
  .meta({
    id: 'CommentTimeView',
    description: 'The timestamp in frames, seconds and timecode (null until the file is processed)',
  });
export type CommentTimeView = z.infer<typeof commentTimeViewSchema>;

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
    time: commentTimeViewSchema.nullable(),
    annotation: z
      .unknown()
      .meta({ description: 'The drawing (JSON), as the client sent it, or null' }),
    private: z.boolean().meta({ description: 'Only members of the account see it' }),
    mentions: z.array(commentMentionViewSchema),
    completed: z.boolean(),
    completedAt: isoTime.nullable(),
    completedBy: userRefViewSchema.nullable(),
    likeCount: z.int(),
    likedByMe: z.boolean(),
    editedAt: isoTime.nullable(),
    legacyId: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CommentView' });
export type CommentView = z.infer<typeof commentViewSchema>;

/** A top-level comment with its replies, oldest first. */
export const commentThreadViewSchema = commentViewSchema
  .extend({ replies: z.array(commentViewSchema) })
  .meta({
    id: 'CommentThreadView',
    description: 'A top-level comment with its replies (oldest first)',
  });
export type CommentThreadView = z.infer<typeof commentThreadViewSchema>;

/** A comment row with what its view needs from other tables (see services/comment-reader.ts). */
export interface CommentRow {
  id: string;
  assetId: string;
  projectId: string;
  parentId: string | null;
  authorId: string | null;
  /** The name stored with the comment: an anonymous reviewer's display name. */
  authorName: string | null;
  /** The signed-in author's current name. */
  authorUserName: string | null;
  text: string;
  frame: number | null;
  durationFrames: number | null;
  annotation: unknown;
  private: boolean;
  completedAt: Date | null;
  completedById: string | null;
  completedByName: string | null;
  editedAt: Date | null;
  legacyId: string | null;
  createdAt: Date;
  updatedAt: Date;
  likeCount: number;
  likedByMe: boolean;
  mentions: CommentMentionView[];
  /** The file's exact frame rate, once processing read it (asset_media). */
  frameRateNum: number | null;
  frameRateDen: number | null;
}

export function toCommentTimeView(
  frame: number | null,
  durationFrames: number | null,
  rate: FrameRate | null,
): CommentTimeView | null {
  if (frame === null || !rate) return null;
  return {
    frameRate: formatFrameRate(rate),
    start: mediaTimeOf(frame, rate),
    end: durationFrames !== null ? mediaTimeOf(frame + durationFrames, rate) : null,
  };
}

export function toCommentAuthorView(
  authorId: string | null,
  userName: string | null,
  storedName: string | null,
): CommentAuthorView {
  if (authorId) return { id: authorId, name: userName ?? storedName ?? '' };
  return { id: null, name: storedName ?? 'Anonymous', anonymous: true };
}

export function toCommentView(row: CommentRow): CommentView {
  return {
    id: row.id,
    assetId: row.assetId,
    projectId: row.projectId,
    parentId: row.parentId,
    author: toCommentAuthorView(row.authorId, row.authorUserName, row.authorName),
    text: row.text,
    timestamp: row.frame,
    duration: row.durationFrames,
    time: toCommentTimeView(
      row.frame,
      row.durationFrames,
      row.frameRateNum && row.frameRateDen ? frameRate(row.frameRateNum, row.frameRateDen) : null,
    ),
    annotation: row.annotation ?? null,
    private: row.private,
    mentions: row.mentions,
    completed: row.completedAt !== null,
    completedAt: row.completedAt?.toISOString() ?? null,
    completedBy:
      row.completedById && row.completedByName !== null
        ? { id: row.completedById, name: row.completedByName }
        : null,
    likeCount: row.likeCount,
    likedByMe: row.likedByMe,
    editedAt: row.editedAt?.toISOString() ?? null,
    legacyId: row.legacyId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCommentThreadView(row: CommentRow, replies: CommentRow[]): CommentThreadView {
  return { ...toCommentView(row), replies: replies.map(toCommentView) };
}

/** The row of a comment just written, with what the writer already knows. */
export function toCommentRow(
  comment: Comment,
  known: Partial<
    Pick<CommentRow, 'authorUserName' | 'completedByName' | 'likeCount' | 'likedByMe' | 'mentions'>
  > & { frameRate?: FrameRate | null } = {},
): CommentRow {
  return {
    id: comment.id,
    assetId: comment.assetId,
    projectId: comment.projectId,
    parentId: comment.parentId,
    authorId: comment.authorId,
    authorName: comment.authorName,
    authorUserName: known.authorUserName ?? null,
    text: comment.text,
    frame: comment.frame,
    durationFrames: comment.durationFrames,
    annotation: comment.annotation,
    private: comment.private,
    completedAt: comment.completedAt,
    completedById: comment.completedById,
    completedByName: known.completedByName ?? null,
    editedAt: comment.editedAt,
    legacyId: comment.legacyId,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    likeCount: known.likeCount ?? 0,
    likedByMe: known.likedByMe ?? false,
    mentions: known.mentions ?? [],
    frameRateNum: known.frameRate?.num ?? null,
    frameRateDen: known.frameRate?.den ?? null,
  };
}
