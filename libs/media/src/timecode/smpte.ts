import { FrameRate, supportsDropFrame, timecodeBase } from './frame-rate';

// SMPTE 12M timecode: HH:MM:SS:FF, with `;` before the frames for drop-frame. Drop-frame
// skips frame *numbers* 0 and 1 (0–3 at 59.94) at the start of every minute except each tenth,
// so the label stays within ~2 frames of wall-clock time at 29.97/59.94. Written here because it
// is a few lines of exact integer arithmetic; the property tests check it round-trips.

export interface SmpteOptions {
  /** Default: drop-frame for 29.97 and 59.94, non-drop for every other rate. */
  dropFrame?: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function dropFrameOf(rate: FrameRate, options: SmpteOptions): boolean {
  const wanted = options.dropFrame ?? supportsDropFrame(rate);
  if (wanted && !supportsDropFrame(rate)) {
    throw new RangeError(
      `Drop-frame timecode exists only for 29.97 and 59.94, not ${rate.num}/${rate.den}`,
    );
  }
  return wanted;
}

/** Frame numbers skipped per minute in drop-frame: 2 at 29.97, 4 at 59.94. */
const droppedPerMinute = (base: number): number => (base / 30) * 2;

/** Frame number (0-based, from the start of the media) → timecode. */
export function frameToSmpte(frame: number, rate: FrameRate, options: SmpteOptions = {}): string {
  if (!Number.isInteger(frame) || frame < 0) throw new RangeError(`Not a frame number: ${frame}`);
  const base = timecodeBase(rate);
  const drop = dropFrameOf(rate, options);
  let label = frame;
  if (drop) {
    const dropped = droppedPerMinute(base);
    const perMinute = base * 60 - dropped;
    const perTenMinutes = perMinute * 10 + dropped;
    const tens = Math.floor(frame / perTenMinutes);
    const rest = frame % perTenMinutes;
    label +=
      dropped * 9 * tens +
      (rest > dropped ? dropped * Math.floor((rest - dropped) / perMinute) : 0);
  }
  const ff = label % base;
  const totalSeconds = Math.floor(label / base);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}${drop ? ';' : ':'}${pad(ff)}`;
}

const SMPTE = /^(\d{2,}):([0-5]\d):([0-5]\d)([:;.,])(\d{2,3})$/;

/**
 * Timecode → frame number. `;` (or `,`/`.`) marks drop-frame, `:` non-drop; throws with what is
 * wrong on a label that does not exist at this rate (frame ≥ the base, or a dropped number).
 */
export function smpteToFrame(timecode: string, rate: FrameRate): number {
  const match = SMPTE.exec(timecode.trim());
  if (!match)
    throw new RangeError(`Not a timecode: "${timecode}" (want HH:MM:SS:FF or HH:MM:SS;FF)`);
  const [hh, mm, ss, sep, ff] = [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
    match[4],
    Number(match[5]),
  ];
  const base = timecodeBase(rate);
  const drop = dropFrameOf(rate, { dropFrame: sep !== ':' });
  if (ff >= base) throw new RangeError(`Frame ${ff} does not exist at ${base} frames per second`);
  const totalMinutes = hh * 60 + mm;
  let frame = (totalMinutes * 60 + ss) * base + ff;
  if (drop) {
    const dropped = droppedPerMinute(base);
    if (ss === 0 && ff < dropped && mm % 10 !== 0) {
      throw new RangeError(`${timecode} is skipped in drop-frame timecode`);
    }
    frame -= dropped * (totalMinutes - Math.floor(totalMinutes / 10));
  }
  return frame;
}
