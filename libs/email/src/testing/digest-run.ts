import { Pool } from 'pg';
import { decideDigest } from '../digest/digest-schedule';
import { lastDigestWindowEnd } from '../digest/last-digest';
import { EmailOutbox } from '../email-outbox';
import { inTransaction } from './email-test-kit';

/** A stand-in for the digest job (libs/jobs owns the real one): one transaction per user. */
export async function runDigests(
  pool: Pool,
  outbox: EmailOutbox,
  userIds: readonly string[],
  now: Date,
  pauseMs = 0,
): Promise<void> {
  for (const userId of userIds) {
    await inTransaction(pool, async (tx) => {
      const last = await lastDigestWindowEnd(tx, userId);
      const decision = decideDigest({
        preference: 'hourly',
        timeZone: 'America/Los_Angeles',
        dailyHour: 8,
        now,
        lastWindowEnd: last,
      });
      const items = [{ summary: `News for ${userId}`, url: outbox.links.to(`assets/${userId}`) }];
      const recipient = {
        userId,
        email: `${userId}@example.com`,
        name: 'User',
        cadence: 'hourly' as const,
        emailVerified: true,
      };
      const digest = outbox.composeDigest(recipient, decision, items);
      if (digest) await outbox.enqueue(tx, digest.key, digest.email);
    });
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

export function digestUserIds(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  );
}
