import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { ObjectStorage, StorageSettings } from '@dailies/storage';
import { conflict } from '../../../../shared/errors';
import { ProjectPolicy } from '../../../project';
import { openUploadOf, toUploadView } from '../../rules/upload-sessions';
import { UploadView } from '../../views/upload.view';
import { GetUploadQuery } from './get-upload.query';

/**
 * Resuming after a dropped connection: storage is asked which parts it holds (the client's
 * memory is not needed), and the answer carries new URLs for every part still to send.
 */
@QueryHandler(GetUploadQuery)
export class GetUploadHandler implements IQueryHandler<GetUploadQuery, UploadView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(StorageSettings) private readonly settings: StorageSettings,
  ) {}

  async execute({ actor, assetId }: GetUploadQuery): Promise<UploadView> {
    const { asset } = await this.policy.requireAsset(this.prisma, actor, assetId, 'editor');
    const session = await openUploadOf(this.prisma, asset.id);
    if (!session) {
      throw conflict('No upload of this file is in progress: POST one to start', 'no_upload');
    }
    const stored = await this.storage.listParts(session.objectKey, session.storageUploadId);
    return toUploadView(this.storage, this.settings.urlTtlSeconds, session, stored);
  }
}
