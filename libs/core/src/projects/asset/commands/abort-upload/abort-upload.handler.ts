import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { ObjectStorage } from '@dailies/storage';
import { conflict } from '../../../../shared/errors';
import { ProjectPolicy } from '../../../project';
import { lockAssetRows } from '../../rules/asset-locks';
import { openUploadOf } from '../../rules/upload-sessions';
import { abortUploadSession } from '../../rules/upload-abort';
import { AbortUploadCommand } from './abort-upload.command';

/** Editors cancel an upload in progress (to start over, or not at all). */
@CommandHandler(AbortUploadCommand)
export class AbortUploadHandler implements ICommandHandler<AbortUploadCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
  ) {}

  async execute({ actor, input }: AbortUploadCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const { project, asset } = await this.policy.requireAsset(tx, actor, input.assetId, 'editor');
      await lockAssetRows(tx, [asset.id]);
      const session = await openUploadOf(tx, asset.id);
      if (!session) throw conflict('No upload of this file is in progress', 'no_upload');
      await abortUploadSession(tx, this.storage, events, {
        actor,
        project,
        session,
        reason: 'cancelled',
        creatorId: asset.creatorId,
      });
    });
  }
}
