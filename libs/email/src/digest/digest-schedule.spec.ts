import { decideDigest, DigestScheduleInput } from './digest-schedule';

const LA = 'America/Los_Angeles';
const base: Omit<DigestScheduleInput, 'now' | 'lastWindowEnd'> = {
  preference: 'daily',
  timeZone: LA,
  dailyHour: 8,
};
const at = (iso: string) => new Date(iso);
const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;

describe('decideDigest', () => {
  it('is never due when the preference is off', () => {
    expect(
      decideDigest({
        ...base,
        preference: 'off',
        now: at('2026-06-01T20:00:00Z'),
        lastWindowEnd: null,
      }),
    ).toEqual({ due: false });
  });

  it('ends a daily window at 08:00 local and is not due again until the next 08:00', () => {
    // 2026-06-01 09:00 PDT = 16:00Z; 08:00 PDT = 15:00Z.
    const first = decideDigest({ ...base, now: at('2026-06-01T16:00:00Z'), lastWindowEnd: null });
    expect(first).toEqual({
      due: true,
      from: at('2026-05-31T15:00:00Z'),
      to: at('2026-06-01T15:00:00Z'),
    });
    expect(
      decideDigest({
        ...base,
        now: at('2026-06-02T14:59:00Z'),
        lastWindowEnd: at('2026-06-01T15:00:00Z'),
      }),
    ).toEqual({ due: false });
  });

  it('keeps 08:00 local across spring-forward (a 23-hour window)', () => {
    // DST starts 2026-03-08 02:00 PST → 03:00 PDT. 08:00 PST on 03-07 = 16:00Z; 08:00 PDT on 03-08 = 15:00Z.
    const decision = decideDigest({
      ...base,
      now: at('2026-03-08T15:30:00Z'),
      lastWindowEnd: at('2026-03-07T16:00:00Z'),
    });
    expect(decision).toEqual({
      due: true,
      from: at('2026-03-07T16:00:00Z'),
      to: at('2026-03-08T15:00:00Z'),
    });
    if (decision.due) expect(hours(decision.from, decision.to)).toBe(23);
  });

  it('keeps 08:00 local across fall-back (a 25-hour window)', () => {
    // DST ends 2026-11-01 02:00 PDT → 01:00 PST. 08:00 PDT on 10-31 = 15:00Z; 08:00 PST on 11-01 = 16:00Z.
    const early = decideDigest({
      ...base,
      now: at('2026-11-01T15:30:00Z'), // 07:30 PST: not yet
      lastWindowEnd: at('2026-10-31T15:00:00Z'),
    });
    expect(early).toEqual({ due: false });
    const decision = decideDigest({
      ...base,
      now: at('2026-11-01T16:00:00Z'),
      lastWindowEnd: at('2026-10-31T15:00:00Z'),
    });
    expect(decision).toEqual({
      due: true,
      from: at('2026-10-31T15:00:00Z'),
      to: at('2026-11-01T16:00:00Z'),
    });
    if (decision.due) expect(hours(decision.from, decision.to)).toBe(25);
  });

  it('moves a daily hour skipped by spring-forward to the first valid instant', () => {
    const decision = decideDigest({
      ...base,
      dailyHour: 2,
      now: at('2026-03-08T11:00:00Z'), // 04:00 PDT
      lastWindowEnd: at('2026-03-07T10:00:00Z'), // 02:00 PST the day before
    });
    // 02:00 does not exist on 03-08; 03:00 PDT = 10:00Z.
    expect(decision).toEqual({
      due: true,
      from: at('2026-03-07T10:00:00Z'),
      to: at('2026-03-08T10:00:00Z'),
    });
  });

  it('gives each of the two 01:00 hours of the fall-back night its own hourly window', () => {
    const hourly = { ...base, preference: 'hourly' as const };
    // 01:30 PDT = 08:30Z, 01:30 PST = 09:30Z.
    const first = decideDigest({
      ...hourly,
      now: at('2026-11-01T08:30:00Z'),
      lastWindowEnd: at('2026-11-01T08:00:00Z'),
    });
    expect(first).toEqual({ due: false });
    const second = decideDigest({
      ...hourly,
      now: at('2026-11-01T09:30:00Z'),
      lastWindowEnd: at('2026-11-01T08:00:00Z'),
    });
    expect(second).toEqual({
      due: true,
      from: at('2026-11-01T08:00:00Z'),
      to: at('2026-11-01T09:00:00Z'),
    });
  });

  it('hourly windows are one hour across spring-forward', () => {
    const hourly = { ...base, preference: 'hourly' as const };
    // 01:00 PST = 09:00Z; the next local hour is 03:00 PDT = 10:00Z.
    const decision = decideDigest({
      ...hourly,
      now: at('2026-03-08T10:05:00Z'),
      lastWindowEnd: at('2026-03-08T09:00:00Z'),
    });
    expect(decision).toEqual({
      due: true,
      from: at('2026-03-08T09:00:00Z'),
      to: at('2026-03-08T10:00:00Z'),
    });
  });

  it('after downtime covers everything since the last digest, so nothing is missed', () => {
    const decision = decideDigest({
      ...base,
      preference: 'hourly',
      now: at('2026-06-01T20:10:00Z'),
      lastWindowEnd: at('2026-06-01T15:00:00Z'),
    });
    expect(decision).toEqual({
      due: true,
      from: at('2026-06-01T15:00:00Z'),
      to: at('2026-06-01T20:00:00Z'),
    });
  });

  it('uses the zone’s half-hour offset for hourly boundaries and treats an unknown zone as UTC', () => {
    const kolkata = decideDigest({
      ...base,
      preference: 'hourly',
      timeZone: 'Asia/Kolkata',
      now: at('2026-06-01T10:45:00Z'), // 16:15 IST
      lastWindowEnd: null,
    });
    expect(kolkata).toEqual({
      due: true,
      from: at('2026-06-01T09:30:00Z'),
      to: at('2026-06-01T10:30:00Z'),
    });
    const unknown = decideDigest({
      ...base,
      timeZone: 'Mars/Olympus',
      now: at('2026-06-01T09:00:00Z'),
      lastWindowEnd: null,
    });
    expect(unknown).toEqual({
      due: true,
      from: at('2026-05-31T08:00:00Z'),
      to: at('2026-06-01T08:00:00Z'),
    });
  });
});
