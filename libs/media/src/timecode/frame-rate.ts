/**
 * A frame rate as the exact rational the file declares (NTSC rates are 24000/1001, 30000/1001,
 * 60000/1001): floating-point 29.97 drifts by a frame every ~9 hours of arithmetic, a rational
 * does not.
 */
export interface FrameRate {
  num: number;
  den: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A reduced rational; throws on a rate that is not a positive finite number of frames. */
export function frameRate(num: number, den = 1): FrameRate {
  if (!Number.isInteger(num) || !Number.isInteger(den) || num <= 0 || den <= 0) {
    throw new RangeError(`Not a frame rate: ${num}/${den}`);
  }
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

/** ffprobe's `24000/1001` (or `25`); null for `0/0` and other non-rates. */
export function parseFrameRate(text: string | undefined | null): FrameRate | null {
  const match = /^\s*(\d+)(?:\s*\/\s*(\d+))?\s*$/.exec(text ?? '');
  if (!match) return null;
  const num = Number(match[1]);
  const den = match[2] === undefined ? 1 : Number(match[2]);
  return num > 0 && den > 0 ? frameRate(num, den) : null;
}

/** The rate as frames per second (for display and float columns only). */
export const fpsOf = (rate: FrameRate): number => rate.num / rate.den;

export const formatFrameRate = (rate: FrameRate): string => `${rate.num}/${rate.den}`;

/** Whole frames per second that timecode counts in: 24 for 23.976, 30 for 29.97, 60 for 59.94. */
export const timecodeBase = (rate: FrameRate): number => Math.round(rate.num / rate.den);

/** NTSC rates (x/1001 with a base of 30 or 60) are the ones SMPTE drop-frame timecode exists for. */
export function supportsDropFrame(rate: FrameRate): boolean {
  const base = timecodeBase(rate);
  return rate.den === 1001 && rate.num === base * 1000 && base % 30 === 0;
}

/** The start of frame `frame` in seconds. */
export const frameToSeconds = (frame: number, rate: FrameRate): number =>
  (frame * rate.den) / rate.num;

/**
 * The frame shown at `seconds`: the last frame that started at or before it. A tolerance of
 * 1/10,000 of a frame absorbs float error and the microsecond rounding of views (frame 1001 of
 * 24000/1001 starts at 41.708333…s, which must map back to 1001, not 1000).
 */
export function secondsToFrame(seconds: number, rate: FrameRate): number {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`Not a time: ${seconds}`);
  return Math.floor((seconds * rate.num) / rate.den + 1e-4);
}

/** How many frames a clip of `durationSeconds` holds (a partial last frame counts as one). */
export function frameCountOf(durationSeconds: number, rate: FrameRate): number {
  return Math.max(0, Math.ceil((durationSeconds * rate.num) / rate.den - 1e-6));
}
