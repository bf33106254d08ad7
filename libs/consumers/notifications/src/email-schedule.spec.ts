import { emailSendAfter, utcOffsetMs } from './email-schedule';

const at = (iso: string) => new Date(iso);

describe('emailSendAfter', () => {
  it('sends immediately at once', () => {
    const now = at('2026-03-10T10:20:00.000Z');
    expect(emailSendAfter('immediately', now, 'Europe/Paris', 8)).toEqual(now);
  });

  it('sends hourly at the next full hour of the user clock', () => {
    expect(emailSendAfter('hourly', at('2026-03-10T10:20:00.000Z'), 'UTC', 8)).toEqual(
      at('2026-03-10T11:00:00.000Z'),
    );
    expect(emailSendAfter('hourly', at('2026-03-10T11:00:00.000Z'), 'UTC', 8)).toEqual(
      at('2026-03-10T12:00:00.000Z'),
    );
    // Kolkata is UTC+5:30: 15:50 local → 16:00 local.
    expect(emailSendAfter('hourly', at('2026-03-10T10:20:00.000Z'), 'Asia/Kolkata', 8)).toEqual(
      at('2026-03-10T10:30:00.000Z'),
    );
  });

  it('sends daily at the next digest hour in the user time zone', () => {
    expect(emailSendAfter('daily', at('2026-03-10T07:59:00.000Z'), 'UTC', 8)).toEqual(
      at('2026-03-10T08:00:00.000Z'),
    );
    expect(emailSendAfter('daily', at('2026-03-10T08:00:00.000Z'), 'UTC', 8)).toEqual(
      at('2026-03-11T08:00:00.000Z'),
    );
    // Paris in winter is UTC+1: 07:30 local → 08:00 local the same day.
    expect(emailSendAfter('daily', at('2026-01-15T06:30:00.000Z'), 'Europe/Paris', 8)).toEqual(
      at('2026-01-15T07:00:00.000Z'),
    );
    // Tokyo (UTC+9): 23:00 UTC is 08:00 the next day local, already past → the day after.
    expect(emailSendAfter('daily', at('2026-01-15T23:30:00.000Z'), 'Asia/Tokyo', 8)).toEqual(
      at('2026-01-16T23:00:00.000Z'),
    );
  });

  it('accounts for a daylight-saving change before the digest', () => {
    // New York switches to EDT (UTC-4) at 02:00 on 2026-03-08; midnight EST is 05:00Z.
    expect(emailSendAfter('daily', at('2026-03-08T05:00:00.000Z'), 'America/New_York', 8)).toEqual(
      at('2026-03-08T12:00:00.000Z'),
    );
    expect(utcOffsetMs(at('2026-03-08T05:00:00.000Z'), 'America/New_York')).toBe(-5 * 3_600_000);
  });

  it('reads an unknown time zone as UTC', () => {
    expect(emailSendAfter('daily', at('2026-03-10T09:00:00.000Z'), 'Mars/Olympus', 8)).toEqual(
      at('2026-03-11T08:00:00.000Z'),
    );
  });
});
