import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { AssetProcessingFailed } from '../../asset.events';
import { lockAssetRows } from '../../rules/asset-locks';
import { assetSubject } from '../../rules/asset-scope';
import { syncStackHead } from '../../rules/asset-stacks';
import { RecordAssetProcessingFailedCommand } from './record-asset-processing-failed.command';

/** Idempotent like RecordAssetProcessed: one `asset.processing_failed` per version at most. */
@CommandHandler(RecordAssetProcessingFailedCommand)
export class RecordAssetProcessingFailedHandler implements ICommandHandler<
  RecordAssetProcessingFailedCommand,
  { recorded: boolean }
> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({
    actor,
    input,
  }: RecordAssetProcessingFailedCommand): Promise<{ recorded: boolean }> {
    return this.uow.run(async (tx, events) => {
      await lockAssetRows(tx, [input.assetId]);
      const asset = await tx.asset.findUnique({
        where: { id: input.assetId },
        include: { media: true, project: true },
      });
      if (!asset || asset.status !== 'transcoding' || asset.media?.version !== input.version) {
        return { recorded: false };
      }
      const media = await tx.assetMedia.update({
        where: { assetId: asset.id },
        data: { failureReason: input.reason, processedAt: new Date() },
      });
      const done = await tx.asset.update({ where: { id: asset.id }, data: { status: 'failed' } });
      if (done.parentId) {
        const parent = await tx.asset.findUnique({ where: { id: done.parentId } });
        if (parent?.type === 'version_stack') await syncStackHead(tx, parent.id);
      }
      events.record(
        new AssetProcessingFailed({
          actor,
          accountId: asset.project.accountId,
          teamId: asset.project.teamId,
          projectId: asset.projectId,
          subject: assetSubject(asset.id),
          payload: { version: input.version, reason: input.reason, attempts: media.attempts },
        }),
      );
      return { recorded: true };
    });
  }
}
