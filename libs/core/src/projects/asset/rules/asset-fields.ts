import { z } from 'zod';

// Input pieces shared by the asset commands (each command composes its own schema).

export const MAX_PROPERTIES_BYTES = 1024 * 1024;

export const assetLabelSchema = z.enum(['none', 'in_progress', 'needs_review', 'approved']);
export const assetStatusSchema = z.enum(['uploading', 'transcoding', 'ready', 'failed']);
export const assetTypeSchema = z.enum(['folder', 'file', 'version_stack']);

/** Free-form JSON object (custom metadata), at most 1 MB once serialised. */
export const propertiesSchema = z
  .record(z.string(), z.unknown())
  .refine(
    (p) => Buffer.byteLength(JSON.stringify(p), 'utf8') <= MAX_PROPERTIES_BYTES,
    'must be at most 1 MB as JSON',
  );

/** Media facts of a file, as the uploader knows them (and may correct on upload-complete). */
export const mediaFields = {
  filetype: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type such as video/mp4')
    .transform((t) => t.toLowerCase())
    .optional(),
  filesize: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  duration: z.number().min(0).max(1e7).optional(),
  fps: z.number().positive().max(1000).optional(),
  frames: z.number().int().min(0).max(2_147_483_647).optional(),
};

/** 0-based position among the new siblings; past the end means the end. */
export const indexSchema = z.number().int().min(0).max(1_000_000).optional();
