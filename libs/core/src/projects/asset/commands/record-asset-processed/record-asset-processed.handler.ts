import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Prisma } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { AssetProcessed } from '../../asset.events';
import { lockAssetRows } from '../../rules/asset-locks';
import { assetSubject } from '../../rules/asset-scope';
import { syncStackHead } from '../../rules/asset-stacks';
import { RecordAssetProcessedCommand } from './record-asset-processed.command';

/**
 * Idempotent: only a file still waiting for this version's processing changes (a duplicate or
 * late job finds it ready or failed and records nothing), so one `asset.processed` per version.
 */
@CommandHandler(RecordAssetProcessedCommand)
export class RecordAssetProcessedHandler implements ICommandHandler<
  RecordAssetProcessedCommand,
  { recorded: boolean }
> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: RecordAssetProcessedCommand): Promise<{ recorded: boolean }> {
    return this.uow.run(async (tx, events) => {
      await lockAssetRows(tx, [input.assetId]);
      const asset = await tx.asset.findUnique({
        where: { id: input.assetId },
        include: { media: true, project: true },
      });
      if (!asset || asset.status !== 'transcoding' || asset.media?.version !== input.version) {
        return { recorded: false };
      }
      const { facts } = input;
      const fps = facts.frameRate ? facts.frameRate.num / facts.frameRate.den : null;
      const media = await tx.assetMedia.update({
        where: { assetId: asset.id },
        data: {
          durationSeconds: facts.durationSeconds,
          frameRateNum: facts.frameRate?.num ?? null,
          frameRateDen: facts.frameRate?.den ?? null,
          frameCount: facts.frameCount,
          width: facts.width,
          height: facts.height,
          videoCodec: facts.videoCodec,
          audioCodec: facts.audioCodec,
          audioChannels: facts.audioChannels,
          facts: (facts.raw ?? Prisma.JsonNull) as Prisma.InputJsonValue,
          outputs: input.outputs,
          failureReason: null,
          processedAt: new Date(),
        },
      });
      // The file's own facts replace what the uploader claimed.
      const done = await tx.asset.update({
        where: { id: asset.id },
        data: {
          status: 'ready',
          duration: facts.durationSeconds,
          fps,
          frames: facts.frameCount,
        },
      });
      if (done.parentId) {
        const parent = await tx.asset.findUnique({ where: { id: done.parentId } });
        if (parent?.type === 'version_stack') await syncStackHead(tx, parent.id);
      }
      events.record(
        new AssetProcessed({
          actor,
          accountId: asset.project.accountId,
          teamId: asset.project.teamId,
          projectId: asset.projectId,
          subject: assetSubject(asset.id),
          payload: {
            version: input.version,
            durationSeconds: facts.durationSeconds,
            frameRate: facts.frameRate ? `${facts.frameRate.num}/${facts.frameRate.den}` : null,
            frameCount: facts.frameCount,
            width: facts.width,
            height: facts.height,
            videoCodec: facts.videoCodec,
            audioCodec: facts.audioCodec,
            audioChannels: facts.audioChannels,
            outputs: input.outputs.map((o) => o.name),
            attempts: media.attempts,
          },
        }),
      );
      return { recorded: true };
    });
  }
}
