import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '@dailies/config';
import { NotificationsConfig } from './notifications.config';
import {
  EMAIL_ONLY_READ_AT,
  NotificationFeed,
  readStoredPreferences,
  settingFor,
} from '@dailies/core';
import { isUuid, newId, PreparedStatements, PrismaService } from '@dailies/db';
import { Consumer, ConsumerOptions, DomainEvent, EventConsumer } from '@dailies/events';
import { emailSendAfter } from './email-schedule';
import { NotificationPlan } from './notification-plan';
import { NotificationRow, writeNotifications } from './notification-writer';
import { PLANNED_EVENTS, plannerFor } from './planners';
import { commentFactsLoader } from './planners/comment-facts.sql';
import type { PlannerReads } from './planners/planner';
import { PUSH_SENDER, PushSender } from './push-sender';
import { Recipient, recipientsWhoCanSee } from './recipient-facts';

/**
 * Decides who hears about what (see the planners), keeps those who can still see the project
 * and want it, and stores in-app notifications and scheduled e-mails. Idempotent by event id
 * through the (user_id, event_id) key: at most three queries per event (a comment's facts are
 * read for several events at once), no transaction of its own.
 */
@Consumer()
@Injectable()
export class NotificationsConsumer implements EventConsumer {
  readonly options: ConsumerOptions = {
    name: 'notifications',
    events: PLANNED_EVENTS,
    // Deliveries waiting for the shared read of comment facts hold a slot here, not a
    // connection (CommentFactsLoader keeps at most 4 reads in flight): more slots, bigger batches.
    concurrency: 16,
  };
  private readonly log = new Logger('NotificationsConsumer');
  private readonly reads: PlannerReads;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: NotificationsConfig,
    @Inject(PUSH_SENDER) private readonly push: PushSender,
    private readonly feed: NotificationFeed,
    statements: PreparedStatements,
  ) {
    this.reads = { commentFacts: commentFactsLoader(statements) };
  }

  async handle(event: DomainEvent): Promise<void> {
    const planner = plannerFor(event.eventName);
    if (!planner) return;
    const plan = await planner(this.prisma, event, this.reads);
    if (!plan) return;
    const candidates = [...plan.recipients.keys()].filter(
      (id) => id !== plan.actor.id && isUuid(id),
    );
    const recipients = await recipientsWhoCanSee(this.prisma, plan.projectId, candidates);
    const rows = this.rowsFor(plan, recipients, new Date());
    const pushed = await writeNotifications(
      this.prisma,
      {
        eventId: event.id,
        accountId: plan.accountId,
        projectId: plan.projectId,
        assetId: plan.assetId,
        commentId: plan.commentId,
        actorId: plan.actor.id,
        actorName: plan.actor.name,
      },
      rows,
      EMAIL_ONLY_READ_AT,
    );
    if (pushed.size > 0)
      await this.sendPushes(
        plan,
        rows.filter((r) => pushed.has(r.id)),
      );
  }

  private rowsFor(plan: NotificationPlan, recipients: Recipient[], now: Date): NotificationRow[] {
    const rows: NotificationRow[] = [];
    for (const recipient of recipients) {
      if (plan.insidersOnly && !recipient.insider) continue;
      const kind = plan.recipients.get(recipient.userId);
      if (!kind) continue;
      const setting = settingFor(
        readStoredPreferences(recipient.preferences),
        plan.projectId,
        kind,
      );
      if (!setting.inApp && setting.email === 'never') continue;
      rows.push({
        id: newId(),
        userId: recipient.userId,
        kind,
        ...plan.text(kind),
        inApp: setting.inApp,
        email:
          setting.email === 'never'
            ? null
            : {
                cadence: setting.email,
                sendAfter: emailSendAfter(
                  setting.email,
                  now,
                  recipient.timezone,
                  this.config.NOTIFICATIONS_DIGEST_HOUR,
                ),
              },
      });
    }
    return rows;
  }

  private async sendPushes(plan: NotificationPlan, rows: NotificationRow[]): Promise<void> {
    // Live subscribers (GraphQL notificationReceived) hear of the new in-app rows at once.
    this.feed.announce(rows.map((r) => ({ notificationId: r.id, userId: r.userId })));
    try {
      await this.push.send(
        rows.map((r) => ({
          notificationId: r.id,
          userId: r.userId,
          kind: r.kind,
          title: r.title,
          body: r.body,
          projectId: plan.projectId,
          assetId: plan.assetId,
          commentId: plan.commentId,
        })),
      );
    } catch (error) {
      // Best effort: the notifications are stored; a retry would not push them again anyway.
      this.log.warn(`Push failed for ${rows.length} notification(s): ${String(error)}`);
    }
  }
}
