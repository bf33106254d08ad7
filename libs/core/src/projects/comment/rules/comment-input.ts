import { z } from 'zod';

// Field rules shared by the comment commands (signed-in and anonymous).

/** PostgreSQL `integer`: larger frame numbers would fail in the database instead of here. */
const MAX_INT = 2_147_483_647;
export const MAX_ANNOTATION_BYTES = 256 * 1024;

export const commentTextSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(10_000, 'must be at most 10,000 characters');

export const frameSchema = z
  .number()
  .int('must be a whole frame number')
  .min(0, 'must be 0 or more')
  .max(MAX_INT);

export const durationFramesSchema = z
  .number()
  .int('must be a whole number of frames')
  .min(1, 'must be at least 1 frame')
  .max(MAX_INT);

/** A drawing: any JSON object or array, at most 256 KB once serialized. */
export const annotationSchema = z
  .union([z.record(z.string(), z.unknown()), z.array(z.unknown())], {
    error: 'must be a JSON object or array',
  })
  .refine(
    (value) => Buffer.byteLength(JSON.stringify(value), 'utf8') <= MAX_ANNOTATION_BYTES,
    'must be at most 256 KB when serialized',
  )
  .describe('The drawing: any JSON object or array, at most 256 KB serialized');

export const commentFields = {
  text: commentTextSchema,
  timestamp: frameSchema.optional(),
  duration: durationFramesSchema.optional(),
  annotation: annotationSchema.optional(),
};

/** A duration is a range from the timestamp, so it needs one. */
export function durationNeedsTimestamp(
  value: { timestamp?: number | null; duration?: number | null },
  ctx: z.RefinementCtx,
): void {
  if (value.duration != null && value.timestamp == null) {
    ctx.addIssue({ code: 'custom', path: ['duration'], message: 'needs a timestamp' });
  }
}

/** What events and notifications show of a comment. */
export const textExcerpt = (text: string): string => text.slice(0, 200);
