import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { ObjectStorage } from '@dailies/storage';
import { conflict, notFound } from '../../../../shared/errors';
import { AssetProcessingStarted, AssetUploadCompleted } from '../../asset.events';
import { StorageQuota } from '../../../../usage/services/storage-quota';
import { ProjectPolicy } from '../../../project';
import { lockAssetRows } from '../../rules/asset-locks';
import { MediaProcessingQueue } from '../../rules/media-processing-queue';
import { statusAfterUpload } from '../../rules/asset-media';
import { assetSubject, eventBase } from '../../rules/asset-scope';
import { syncStackHead } from '../../rules/asset-stacks';
import { toAssetViewOf } from '../../rules/asset-views';
import { openUploadOf } from '../../rules/upload-sessions';
import { joinParts, verifiedParts } from '../../rules/upload-verification';
import { AssetView } from '../../views/asset.view';
import { CompleteUploadCommand } from './complete-upload.command';

/**
 * Editors complete an upload once; the file moves on to transcoding (processing: its
 * job is enqueued in this transaction) or straight to ready. With a
 * multipart upload in progress, completion is checked against storage: every announced part,
 * each of its size, or a 409 naming what is missing; the file's size is then what storage holds.
 * Without one (legacy clients that send no bytes through the API) the size is the client's word.
 */
@CommandHandler(CompleteUploadCommand)
export class CompleteUploadHandler implements ICommandHandler<CompleteUploadCommand, AssetView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly quota: StorageQuota,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    private readonly processing: MediaProcessingQueue,
  ) {}

  async execute({ actor, input }: CompleteUploadCommand): Promise<AssetView> {
    return this.uow.run(async (tx, events) => {
      const { project, asset } = await this.policy.requireAsset(tx, actor, input.assetId, 'editor');
      // The parent too: a version's completion changes what its stack presents.
      await lockAssetRows(tx, asset.parentId ? [asset.id, asset.parentId] : [asset.id]);
      const current = await tx.asset.findUnique({ where: { id: asset.id } });
      if (!current || current.deletedAt) throw notFound('Asset');
      if (current.type !== 'file') throw conflict('Only files are uploaded', 'not_a_file');
      if (current.status !== 'uploading') {
        throw conflict('The upload of this file was already completed', 'upload_completed');
      }
      const filetype = input.filetype ?? current.filetype;
      const session = await openUploadOf(tx, current.id);
      const parts = session ? await verifiedParts(this.storage, session, input.filesize) : null;
      const claimed = session ? session.filesize : (input.filesize ?? current.filesize);
      await this.quota.assertRoom(tx, project.accountId, claimed);
      const held = session && parts ? await joinParts(this.storage, session, parts) : null;
      if (session) {
        await tx.uploadSession.update({
          where: { id: session.id },
          data: { status: 'completed', endedAt: new Date() },
        });
      }
      const filesize = held ? held.size : input.filesize;
      const done = await tx.asset.update({
        where: { id: current.id },
        data: {
          filetype,
          status: statusAfterUpload(filetype),
          ...(session ? { storageKey: session.objectKey } : {}),
          ...(filesize !== undefined ? { filesize: BigInt(filesize) } : {}),
          ...(input.duration !== undefined ? { duration: input.duration } : {}),
          ...(input.fps !== undefined ? { fps: input.fps } : {}),
          ...(input.frames !== undefined ? { frames: input.frames } : {}),
        },
      });
      if (done.parentId) {
        const parent = await tx.asset.findUnique({ where: { id: done.parentId } });
        if (parent?.type === 'version_stack') await syncStackHead(tx, parent.id);
      }
      if (done.status === 'transcoding') {
        // One row per file, for the version being processed: a retry of the job updates it.
        await tx.assetMedia.upsert({
          where: { assetId: done.id },
          create: { assetId: done.id, version: done.version },
          update: { version: done.version, attempts: 0, failureReason: null, processedAt: null },
        });
        await this.processing.request(tx, { assetId: done.id, version: done.version });
      }
      events.record(
        new AssetUploadCompleted({
          ...eventBase(actor, project),
          subject: assetSubject(done.id),
          payload: {
            filesize: Number(done.filesize),
            status: done.status,
            filetype: done.filetype,
            creatorId: done.creatorId,
            ...(done.storageKey ? { storageKey: done.storageKey } : {}),
          },
        }),
      );
      if (done.status === 'transcoding') {
        events.record(
          new AssetProcessingStarted({
            ...eventBase(actor, project),
            subject: assetSubject(done.id),
            payload: { version: done.version, filetype: done.filetype, creatorId: done.creatorId },
          }),
        );
      }
      return toAssetViewOf(tx, done);
    });
  }
}
