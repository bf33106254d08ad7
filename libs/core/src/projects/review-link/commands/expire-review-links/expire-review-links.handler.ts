import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Prisma } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../../shared/errors';
import { ReviewLinkExpired } from '../../../events';
import { ExpireReviewLinksCommand, ExpireReviewLinksResult } from './expire-review-links.command';

interface ExpiredLink {
  id: string;
  name: string;
  expires_at: Date;
  project_id: string;
  account_id: string;
  team_id: string;
}

/**
 * The system (a scheduled job) sets expired_at on links whose expiresAt has passed. The review
 * page already refuses them by expiresAt; this records the expiry once, as an event the audit
 * log, notifications and caches see. Concurrent runs skip each other's rows.
 */
@CommandHandler(ExpireReviewLinksCommand)
export class ExpireReviewLinksHandler implements ICommandHandler<
  ExpireReviewLinksCommand,
  ExpireReviewLinksResult
> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: ExpireReviewLinksCommand): Promise<ExpireReviewLinksResult> {
    if (actor.type !== 'system') throw forbidden('Only the system expires review links');
    const now = input.now ?? new Date();
    return this.uow.run(async (tx, events) => {
      const rows = await tx.$queryRaw<ExpiredLink[]>(Prisma.sql`
        SELECT l.id::text, l.name, l.expires_at, l.project_id::text, l.account_id::text,
               p.team_id::text
        FROM review_links l JOIN projects p ON p.id = l.project_id
        WHERE l.expired_at IS NULL AND l.expires_at <= ${now}
        ORDER BY l.expires_at, l.id
        LIMIT ${input.limit + 1}
        FOR UPDATE OF l SKIP LOCKED`);
      const batch = rows.slice(0, input.limit);
      if (batch.length) {
        await tx.reviewLink.updateMany({
          where: { id: { in: batch.map((l) => l.id) } },
          data: { expiredAt: now },
        });
      }
      for (const link of batch) {
        events.record(
          new ReviewLinkExpired({
            actor,
            accountId: link.account_id,
            teamId: link.team_id,
            projectId: link.project_id,
            subject: { type: 'review_link', id: link.id },
            payload: { name: link.name, expiresAt: link.expires_at.toISOString() },
          }),
        );
      }
      return { expired: batch.length, more: rows.length > input.limit };
    });
  }
}
