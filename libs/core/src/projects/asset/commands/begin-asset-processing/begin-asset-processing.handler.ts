import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { lockAssetRows } from '../../rules/asset-locks';
import {
  BeginAssetProcessingCommand,
  BeginAssetProcessingResult,
} from './begin-asset-processing.command';

@CommandHandler(BeginAssetProcessingCommand)
export class BeginAssetProcessingHandler implements ICommandHandler<
  BeginAssetProcessingCommand,
  BeginAssetProcessingResult
> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ input }: BeginAssetProcessingCommand): Promise<BeginAssetProcessingResult> {
    return this.uow.run(async (tx) => {
      await lockAssetRows(tx, [input.assetId]);
      const asset = await tx.asset.findUnique({
        where: { id: input.assetId },
        include: { media: true },
      });
      // A trashed file is still processed: a restore brings it back ready.
      if (!asset || asset.status !== 'transcoding' || asset.media?.version !== input.version) {
        return { process: false, attempts: asset?.media?.attempts ?? 0 };
      }
      const media = await tx.assetMedia.update({
        where: { assetId: asset.id },
        data: { attempts: { increment: 1 } },
      });
      return { process: true, attempts: media.attempts };
    });
  }
}
