import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Prisma } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { ObjectStorage } from '@dailies/storage';
import { abortUploadSession } from '../../rules/upload-abort';
import { AbortStaleUploadsCommand, AbortStaleUploadsResult } from './abort-stale-uploads.command';

/**
 * Aborts a batch of uploads open for longer than `idleHours`, oldest first. Rows are claimed
 * with SKIP LOCKED, so two sweeps (or an editor completing meanwhile) never collide.
 */
@CommandHandler(AbortStaleUploadsCommand)
export class AbortStaleUploadsHandler implements ICommandHandler<
  AbortStaleUploadsCommand,
  AbortStaleUploadsResult
> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
  ) {}

  async execute({ actor, input }: AbortStaleUploadsCommand): Promise<AbortStaleUploadsResult> {
    const before = new Date(input.now.getTime() - input.idleHours * 3600_000);
    return this.uow.run(async (tx, events) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
        SELECT id::text FROM upload_sessions
        WHERE status = 'open' AND created_at < ${before}
        ORDER BY created_at
        LIMIT ${input.limit}
        FOR UPDATE SKIP LOCKED`);
      if (!claimed.length) return { aborted: 0, more: false };
      const sessions = await tx.uploadSession.findMany({
        where: { id: { in: claimed.map((c) => c.id) } },
        include: { asset: { select: { creatorId: true } }, project: true },
        orderBy: { createdAt: 'asc' },
      });
      for (const session of sessions) {
        await abortUploadSession(tx, this.storage, events, {
          actor,
          project: session.project,
          session,
          reason: 'abandoned',
          creatorId: session.asset.creatorId,
        });
      }
      return { aborted: sessions.length, more: claimed.length === input.limit };
    });
  }
}
