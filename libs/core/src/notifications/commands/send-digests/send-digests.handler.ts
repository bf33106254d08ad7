import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Prisma, PrismaService, Tx } from '@dailies/db';
import {
  DigestItem,
  DigestPreference,
  EmailOutbox,
  decideDigest,
  lastDigestWindowEnd,
} from '@dailies/email';
import { Actor, EventRecorder, UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../shared/errors';
import { NotificationDigestQueued } from '../../events';
import { EMAIL_ONLY_READ_AT } from '../../services/email-only-marker';
import { SendDigestsCommand, SendDigestsResult } from './send-digests.command';

interface Waiting {
  notification_id: string;
  cadence: string;
  title: string;
  body: string | null;
  project_id: string | null;
  read_at: Date | null;
  created_at: Date;
}

interface Recipient {
  id: string;
  email: string;
  name: string;
  timezone: string;
  email_confirmed: boolean;
}

/**
 * One transaction per user: lastDigestWindowEnd locks the user's digest state (two instances or
 * overlapping runs decide one after the other), decideDigest picks the window in the user's zone,
 * the waiting notifications created before its end go into one digest, recorded in
 * email_deliveries under `digest:<user>:<window end>` with the notifications linked to it — so a
 * re-run after a crash records nothing twice, and what was not recorded waits for the next run.
 * Notifications read in the app before their digest are not mailed (their queue rows go);
 * e-mail-only notifications (stored as read at EMAIL_ONLY_READ_AT) are.
 */
@CommandHandler(SendDigestsCommand)
export class SendDigestsHandler implements ICommandHandler<SendDigestsCommand, SendDigestsResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly prisma: PrismaService,
    @Inject(EmailOutbox) private readonly outbox: EmailOutbox,
  ) {}

  async execute({ actor, input }: SendDigestsCommand): Promise<SendDigestsResult> {
    if (actor.type !== 'system') throw forbidden('Only the system sends digests');
    const now = input.now ?? new Date();
    const users = await this.prisma.$queryRaw<{ user_id: string }[]>(Prisma.sql`
      SELECT DISTINCT user_id::text FROM notification_emails
      WHERE delivery_key IS NULL AND cadence IN ('hourly', 'daily') AND send_after <= ${now}
      LIMIT ${input.limit}`);
    let queued = 0;
    for (const { user_id } of users) {
      const recorded = await this.uow.run((tx, events) =>
        this.digestOf(tx, events, actor, user_id, now, input.dailyHour),
      );
      if (recorded) queued++;
    }
    return { users: users.length, queued };
  }

  private async digestOf(
    tx: Tx,
    events: EventRecorder,
    actor: Actor,
    userId: string,
    now: Date,
    dailyHour: number,
  ): Promise<boolean> {
    const last = await lastDigestWindowEnd(tx, userId);
    const [user] = await tx.$queryRaw<Recipient[]>(Prisma.sql`
      SELECT id::text, email, name, timezone, email_confirmed FROM users
      WHERE id = ${userId}::uuid AND status = 'active'`);
    if (!user) return false;
    const waiting = await tx.$queryRaw<Waiting[]>(Prisma.sql`
      SELECT e.notification_id::text, e.cadence, n.title, n.body, n.project_id::text, n.read_at,
             n.created_at
      FROM notification_emails e JOIN notifications n ON n.id = e.notification_id
      WHERE e.user_id = ${userId}::uuid AND e.delivery_key IS NULL
        AND e.cadence IN ('hourly', 'daily') AND e.send_after <= ${now}
      ORDER BY n.created_at, n.id
      LIMIT 200
      FOR UPDATE OF e SKIP LOCKED`);
    // The shortest cadence a waiting notification asks for sets the rhythm.
    const preference: DigestPreference = waiting.some((w) => w.cadence === 'hourly')
      ? 'hourly'
      : 'daily';
    const decision = decideDigest({
      preference,
      timeZone: user.timezone,
      now,
      lastWindowEnd: last,
      dailyHour,
    });
    if (!decision.due) return false;
    const inWindow = waiting.filter((w) => w.created_at < decision.to);
    const readInApp = inWindow.filter(
      (w) => w.read_at !== null && w.read_at.getTime() !== EMAIL_ONLY_READ_AT.getTime(),
    );
    if (readInApp.length) {
      await tx.notificationEmail.deleteMany({
        where: { notificationId: { in: readInApp.map((w) => w.notification_id) } },
      });
    }
    const unread = inWindow.filter((w) => !readInApp.includes(w));
    const items: DigestItem[] = unread.map((w) => ({
      summary: w.title,
      excerpt: w.body,
      url: w.project_id
        ? this.outbox.links.project(w.project_id)
        : this.outbox.links.notifications(),
    }));
    const digest = this.outbox.composeDigest(
      {
        userId: user.id,
        email: user.email,
        name: user.name,
        cadence: preference,
        emailVerified: user.email_confirmed,
      },
      decision,
      items,
    );
    if (!digest) return false; // empty (never sent) or an unverified address
    const recordedNow = await this.outbox.enqueue(tx, digest.key, digest.email);
    await tx.notificationEmail.updateMany({
      where: { notificationId: { in: unread.map((w) => w.notification_id) } },
      data: { deliveryKey: digest.key },
    });
    if (recordedNow) {
      events.record(
        new NotificationDigestQueued({
          actor,
          subject: { type: 'user', id: user.id },
          payload: {
            cadence: preference,
            windowEnd: decision.to.toISOString(),
            count: unread.length,
            deliveryKey: digest.key,
          },
        }),
      );
    }
    return recordedNow;
  }
}
