import { z } from 'zod';

/** What processing read from a file, as the record command takes it (libs/media's MediaFacts). */
export const processedFactsSchema = z.object({
  durationSeconds: z.number().positive(),
  frameRate: z
    .object({ num: z.number().int().positive(), den: z.number().int().positive() })
    .nullable(),
  frameCount: z.number().int().nonnegative().nullable(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  audioChannels: z.number().int().nonnegative().nullable(),
  /** ffprobe's facts as read, kept for support and future use. */
  raw: z.unknown(),
});
export type ProcessedFacts = z.infer<typeof processedFactsSchema>;

export const storedOutputSchema = z.object({
  kind: z.string(),
  name: z.string(),
  key: z.string(),
  contentType: z.string(),
  /** Bytes stored (absent in outputs recorded before sizes were kept: storage is asked then). */
  size: z.number().int().nonnegative().optional(),
});
export type StoredOutput = z.infer<typeof storedOutputSchema>;
