import { EmailCadence } from '@dailies/core';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When the e-mail of a notification may go out: now; at the next full hour; or with the daily
 * digest at `digestHour` o'clock in the user's time zone (the next such time after now). Hours
 * are counted on the user's clock, so a zone 30 minutes off UTC gets its digest at its own full
 * hour, and a daylight-saving change on the way is accounted for.
 */
export function emailSendAfter(
  cadence: Exclude<EmailCadence, 'never'>,
  now: Date,
  timeZone: string,
  digestHour: number,
): Date {
  if (cadence === 'immediately') return now;
  const offset = utcOffsetMs(now, timeZone);
  const localNow = now.getTime() + offset;
  if (cadence === 'hourly') {
    return new Date(Math.floor(localNow / HOUR) * HOUR + HOUR - offset);
  }
  let localTarget = Math.floor(localNow / DAY) * DAY + digestHour * HOUR;
  if (localTarget <= localNow) localTarget += DAY;
  // The offset at the digest time itself (it differs when daylight saving starts or ends).
  const targetOffset = utcOffsetMs(new Date(localTarget - offset), timeZone);
  return new Date(localTarget - targetOffset);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      // users.timezone is validated on write; anything else (old data) is read as UTC.
      return formatterFor('UTC');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at that instant. */
export function utcOffsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return wall - whole;
}
