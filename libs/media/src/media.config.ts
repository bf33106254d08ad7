import { z } from 'zod';

/** Which ffmpeg/ffprobe to run; unset: the binaries shipped in the npm packages (docs/media.md). */
export const mediaConfigSchema = z.object({
  FFMPEG_PATH: z.string().min(1).optional(),
  FFPROBE_PATH: z.string().min(1).optional(),
  /** Where the local media-files adapter keeps originals and outputs (relative to DATA_DIR). */
  MEDIA_DIR: z.string().min(1).default('media'),
});
export type MediaConfig = z.infer<typeof mediaConfigSchema>;
