import fc from 'fast-check';
import {
  frameCountOf,
  frameRate,
  FrameRate,
  frameToSeconds,
  parseFrameRate,
  secondsToFrame,
  supportsDropFrame,
} from './frame-rate';
import { mediaTimeOf } from './media-time';
import { frameToSmpte, smpteToFrame } from './smpte';

const rates: Record<string, FrameRate> = {
  '23.976': frameRate(24000, 1001),
  '24': frameRate(24),
  '25': frameRate(25),
  '29.97': frameRate(30000, 1001),
  '30': frameRate(30),
  '50': frameRate(50),
  '59.94': frameRate(60000, 1001),
  '60': frameRate(60),
};
const anyRate = fc.constantFrom(...Object.values(rates));
/** Up to 30 hours of frames at the fastest rate. */
const anyFrame = fc.integer({ min: 0, max: 60 * 3600 * 30 });

describe('frame rates', () => {
  it('parses ffprobe rationals and reduces them', () => {
    expect(parseFrameRate('24000/1001')).toEqual({ num: 24000, den: 1001 });
    expect(parseFrameRate('50/2')).toEqual({ num: 25, den: 1 });
    expect(parseFrameRate('30')).toEqual({ num: 30, den: 1 });
    expect(parseFrameRate('0/0')).toBeNull();
    expect(parseFrameRate('abc')).toBeNull();
  });

  it('offers drop-frame only at 29.97 and 59.94', () => {
    const drop = Object.entries(rates)
      .filter(([, r]) => supportsDropFrame(r))
      .map(([n]) => n);
    expect(drop).toEqual(['29.97', '59.94']);
  });

  it('places frames at exact NTSC times', () => {
    expect(frameToSeconds(24, rates['23.976'])).toBeCloseTo(1.001, 12);
    expect(frameToSeconds(30, rates['29.97'])).toBeCloseTo(1.001, 12);
    expect(secondsToFrame(1.001, rates['23.976'])).toBe(24);
    expect(secondsToFrame(1.0, rates['23.976'])).toBe(23);
    expect(frameCountOf(2.002, rates['29.97'])).toBe(60);
    expect(frameCountOf(2.01, rates['25'])).toBe(51);
  });

  it('maps every frame to seconds and back to the same frame', () => {
    fc.assert(
      fc.property(anyRate, anyFrame, (rate, frame) => {
        expect(secondsToFrame(frameToSeconds(frame, rate), rate)).toBe(frame);
        // The rounded seconds a view shows still land in the same frame.
        expect(secondsToFrame(mediaTimeOf(frame, rate).seconds, rate)).toBe(frame);
      }),
    );
  });
});

describe('SMPTE timecode', () => {
  it('labels known frames', () => {
    expect(frameToSmpte(0, rates['25'])).toBe('00:00:00:00');
    expect(frameToSmpte(90_000, rates['25'])).toBe('01:00:00:00');
    expect(frameToSmpte(24, rates['23.976'])).toBe('00:00:01:00');
    expect(frameToSmpte(86_399, rates['24'])).toBe('00:59:59:23');
    expect(frameToSmpte(1799, rates['29.97'])).toBe('00:00:59;29');
    expect(frameToSmpte(1800, rates['29.97'])).toBe('00:01:00;02');
    expect(frameToSmpte(17_982, rates['29.97'])).toBe('00:10:00;00');
    expect(frameToSmpte(107_892, rates['29.97'])).toBe('01:00:00;00');
    expect(frameToSmpte(1800, rates['29.97'], { dropFrame: false })).toBe('00:01:00:00');
    expect(frameToSmpte(3600, rates['59.94'])).toBe('00:01:00;04');
    expect(frameToSmpte(35_964, rates['59.94'])).toBe('00:10:00;00');
    expect(frameToSmpte(3599, rates['60'])).toBe('00:00:59:59');
    expect(frameToSmpte(100, rates['50'])).toBe('00:00:02:00');
  });

  it('refuses drop-frame where it does not exist, and labels that are skipped or out of range', () => {
    expect(() => frameToSmpte(1, rates['25'], { dropFrame: true })).toThrow(/29.97 and 59.94/);
    expect(() => smpteToFrame('00:01:00;00', rates['29.97'])).toThrow(/skipped/);
    expect(() => smpteToFrame('00:01:00;03', rates['59.94'])).toThrow(/skipped/);
    expect(smpteToFrame('00:10:00;00', rates['29.97'])).toBe(17_982);
    expect(() => smpteToFrame('00:00:00:25', rates['25'])).toThrow(/does not exist/);
    expect(() => smpteToFrame('1:2:3', rates['25'])).toThrow(/Not a timecode/);
  });

  it('round-trips every frame at every rate, drop-frame and not', () => {
    fc.assert(
      fc.property(anyRate, anyFrame, fc.boolean(), (rate, frame, tryNonDrop) => {
        const options = tryNonDrop ? { dropFrame: false } : {};
        expect(smpteToFrame(frameToSmpte(frame, rate, options), rate)).toBe(frame);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts up by one label per frame (no gaps except the dropped numbers, no repeats)', () => {
    fc.assert(
      fc.property(anyRate, anyFrame, (rate, frame) => {
        const a = smpteToFrame(frameToSmpte(frame, rate), rate);
        const b = smpteToFrame(frameToSmpte(frame + 1, rate), rate);
        expect(b - a).toBe(1);
        expect(frameToSmpte(frame + 1, rate) > frameToSmpte(frame, rate)).toBe(true);
      }),
    );
  });

  it('keeps drop-frame labels within ~2 frames of wall-clock time', () => {
    fc.assert(
      fc.property(fc.constantFrom(rates['29.97'], rates['59.94']), anyFrame, (rate, frame) => {
        const [hh, mm, ss, ff] = frameToSmpte(frame, rate).split(/[:;]/).map(Number);
        const base = Math.round(rate.num / rate.den);
        const labelSeconds = hh * 3600 + mm * 60 + ss + ff / base;
        const realSeconds = frameToSeconds(frame, rate);
        // Within a ten-minute cycle the label runs up to 2 frames (at 30) ahead; the residual drift
        // of the scheme is ~3.6 ms per hour.
        const hours = realSeconds / 3600;
        expect(Math.abs(labelSeconds - realSeconds)).toBeLessThan(2.1 / 30 + 0.004 * hours);
      }),
    );
  });
});
