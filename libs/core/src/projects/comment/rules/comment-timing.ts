import { frameRate, FrameRate, frameToSmpte, fpsOf } from '@dailies/media';
import { Db } from '../../../shared/db';
import { DomainError, FieldError } from '../../../shared/errors';

/** The real frame rate and length of a processed file (null until processing read them). */
export interface MediaTiming {
  rate: FrameRate;
  frameCount: number;
}

export async function mediaTimingOf(db: Db, assetId: string): Promise<MediaTiming | null> {
  const media = await db.assetMedia.findUnique({
    where: { assetId },
    select: { frameRateNum: true, frameRateDen: true, frameCount: true },
  });
  if (!media?.frameRateNum || !media.frameRateDen || media.frameCount == null) return null;
  return { rate: frameRate(media.frameRateNum, media.frameRateDen), frameCount: media.frameCount };
}

const rateLabel = (rate: FrameRate): string => {
  const fps = fpsOf(rate);
  return Number.isInteger(fps) ? `${fps} fps` : `${fps.toFixed(3)} fps (${rate.num}/${rate.den})`;
};

/**
 * A timestamp (frame) and duration (frames) must lie inside the media: frames 0…frameCount-1,
 * the range ending by the last frame. Unknown until processing has read the file (then
 * anything a frame number can be is accepted, as before).
 */
export function assertWithinMedia(
  timing: MediaTiming | null,
  frame: number | null | undefined,
  durationFrames: number | null | undefined,
): void {
  if (!timing || frame == null) return;
  const last = timing.frameCount - 1;
  const end = `${frameToSmpte(Math.max(0, last), timing.rate)} at ${rateLabel(timing.rate)}`;
  const errors: FieldError[] = [];
  if (frame > last) {
    errors.push({
      field: 'timestamp',
      message: `must be a frame of the media: 0 to ${last} (the last frame is ${end})`,
    });
  } else if (durationFrames != null && frame + durationFrames > timing.frameCount) {
    errors.push({
      field: 'duration',
      message: `must end within the media: at most ${timing.frameCount - frame} frames from frame ${frame}`,
    });
  }
  if (errors.length) {
    throw new DomainError('validation_failed', 'The timestamp is outside the media', {
      fieldErrors: errors,
      featureCode: 'timestamp_out_of_range',
    });
  }
}
