import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { ObjectStorage, StorageSettings, storageKeys } from '@dailies/storage';
import { conflict, notFound, validationFailed } from '../../../../shared/errors';
import { StorageQuota } from '../../../../usage/services/storage-quota';
import { ProjectPolicy } from '../../../project';
import { AssetUploadStarted } from '../../asset.events';
import { lockAssetRows } from '../../rules/asset-locks';
import { assetSubject, eventBase } from '../../rules/asset-scope';
import { planUpload } from '../../rules/upload-plan';
import { openUploadOf, toUploadView } from '../../rules/upload-sessions';
import { UploadView } from '../../views/upload.view';
import { StartUploadCommand } from './start-upload.command';

/**
 * Editors start one multipart upload per file at a time: storage opens it, the session records
 * what the client announced (size, part size), and the answer carries the first part URLs.
 */
@CommandHandler(StartUploadCommand)
export class StartUploadHandler implements ICommandHandler<StartUploadCommand, UploadView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly quota: StorageQuota,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(StorageSettings) private readonly settings: StorageSettings,
  ) {}

  async execute({ actor, input }: StartUploadCommand): Promise<UploadView> {
    const plan = planUpload(input.filesize, input.partSize);
    if (typeof plan === 'string') throw validationFailed([{ field: 'partSize', message: plan }]);
    // Storage opens the upload inside the transaction; if the transaction then fails, nothing
    // records it, so it is aborted here rather than left for nobody to sweep.
    let opened: { key: string; uploadId: string } | null = null;
    try {
      return await this.uow.run(async (tx, events) => {
        const { project, asset } = await this.policy.requireAsset(
          tx,
          actor,
          input.assetId,
          'editor',
        );
        await lockAssetRows(tx, [asset.id]);
        const current = await tx.asset.findUnique({ where: { id: asset.id } });
        if (!current || current.deletedAt) throw notFound('Asset');
        if (current.type !== 'file') throw conflict('Only files are uploaded', 'not_a_file');
        if (current.status !== 'uploading') {
          throw conflict('The upload of this file was already completed', 'upload_completed');
        }
        if (await openUploadOf(tx, current.id)) {
          throw conflict(
            'An upload of this file is in progress: GET it to resume, or DELETE it to start over',
            'upload_in_progress',
          );
        }
        // Refused now rather than after the client has sent every byte.
        await this.quota.assertRoom(tx, project.accountId, input.filesize);
        const objectKey = storageKeys.original(current.id);
        const storageUploadId = await this.storage.createMultipart(objectKey, current.filetype);
        opened = { key: objectKey, uploadId: storageUploadId };
        const session = await tx.uploadSession.create({
          data: {
            id: newId(),
            assetId: current.id,
            accountId: project.accountId,
            projectId: project.id,
            objectKey,
            storageUploadId,
            filesize: BigInt(plan.filesize),
            partSize: BigInt(plan.partSize),
            partCount: plan.partCount,
            createdById: actorUserId(actor) ?? null,
          },
        });
        events.record(
          new AssetUploadStarted({
            ...eventBase(actor, project),
            subject: assetSubject(current.id),
            payload: {
              uploadId: session.id,
              filesize: plan.filesize,
              partCount: plan.partCount,
              creatorId: current.creatorId,
            },
          }),
        );
        return toUploadView(this.storage, this.settings.urlTtlSeconds, session, []);
      });
    } catch (error) {
      const orphan = opened as { key: string; uploadId: string } | null;
      if (orphan)
        await this.storage.abortMultipart(orphan.key, orphan.uploadId).catch(() => undefined);
      throw error;
    }
  }
}
