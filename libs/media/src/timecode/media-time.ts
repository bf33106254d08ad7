import { FrameRate, frameToSeconds } from './frame-rate';
import { frameToSmpte } from './smpte';

/** One point in a media file, in every unit clients use. */
export interface MediaTime {
  frame: number;
  seconds: number;
  smpte: string;
}

/** Seconds are rounded to the microsecond: enough to land inside any frame, short to print. */
export function mediaTimeOf(frame: number, rate: FrameRate): MediaTime {
  return {
    frame,
    seconds: Math.round(frameToSeconds(frame, rate) * 1e6) / 1e6,
    smpte: frameToSmpte(frame, rate),
  };
}
