import { DateTime } from 'luxon';

export type DigestPreference = 'off' | 'hourly' | 'daily';

export interface DigestScheduleInput {
  preference: DigestPreference;
  /** IANA zone of the user ("America/Los_Angeles"); an unknown zone counts as UTC. */
  timeZone: string;
  now: Date;
  /** windowEnd of the user's last digest, or null when none was ever recorded. */
  lastWindowEnd: Date | null;
  /** Local hour of the daily digest (NOTIFICATIONS_DIGEST_HOUR). */
  dailyHour: number;
}

export type DigestDecision =
  | { due: false }
  | {
      due: true;
      /** Unread notifications created in [from, to) go into this digest. */
      from: Date;
      to: Date;
    };

/**
 * Whether a user's digest is due now, and which window it covers. Windows end on the user's local
 * period boundaries (the top of each hour; `dailyHour`:00 each local day), computed by luxon from
 * the IANA tz database — so a daily digest stays at 08:00 local across DST changes (a 23- or
 * 25-hour window on those days) and each of the two 01:00 hours of a fall-back night gets its own
 * hourly window. A window starts where the last one ended: after downtime the next digest covers
 * everything since, so nothing is missed; the same period gives the same `to`, which the caller
 * makes the idempotency key, so nothing is sent twice.
 */
export function decideDigest(input: DigestScheduleInput): DigestDecision {
  if (input.preference === 'off') return { due: false };
  const zone = DateTime.now().setZone(input.timeZone).isValid ? input.timeZone : 'UTC';
  const now = DateTime.fromJSDate(input.now, { zone });
  const end = periodEnd(now, input.preference, input.dailyHour);
  const last = input.lastWindowEnd ? DateTime.fromJSDate(input.lastWindowEnd, { zone }) : null;
  if (last && last >= end) return { due: false };
  const from = last ?? previousPeriodEnd(end, input.preference, input.dailyHour);
  return { due: true, from: from.toJSDate(), to: end.toJSDate() };
}

/** The latest period boundary at or before `now`. */
function periodEnd(now: DateTime, preference: 'hourly' | 'daily', dailyHour: number): DateTime {
  if (preference === 'hourly') return now.startOf('hour');
  const today = atLocalHour(now, dailyHour);
  return today <= now ? today : atLocalHour(now.minus({ days: 1 }), dailyHour);
}

function previousPeriodEnd(end: DateTime, preference: 'hourly' | 'daily', dailyHour: number) {
  if (preference === 'hourly') return end.minus({ hours: 1 });
  return atLocalHour(end.minus({ days: 1 }), dailyHour);
}

/**
 * `hour`:00 on `day`'s local date. An hour skipped by spring-forward (02:00 in Los Angeles) is
 * moved forward by luxon to the first valid instant (03:00).
 */
function atLocalHour(day: DateTime, hour: number): DateTime {
  return day.set({ hour, minute: 0, second: 0, millisecond: 0 });
}
