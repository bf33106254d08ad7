import { z } from 'zod';

/** Which ffmpeg/ffprobe to run; unset: the binaries shipped in the npm packages (docs/media.md). */
export const mediaConfigSchema = z.object({
  FFMPEG_PATH: z.string().min(1).optional(),
  FFPROBE_PATH: z.string().min(1).optional(),
});
export type MediaConfig = z.infer<typeof mediaConfigSchema>;
