import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { ObjectStorage, SignedLinks, StorageSettings } from '@dailies/storage';
import { conflict } from '../../../../shared/errors';
import { ProjectPolicy } from '../../../project';
import { mediaFileOf, mediaUrlsOf } from '../../rules/asset-media-urls';
import { AssetMediaView } from '../../views/upload.view';
import { GetAssetMediaQuery } from './get-asset-media.query';

/** Anyone who can see the asset can play and download it. */
@QueryHandler(GetAssetMediaQuery)
export class GetAssetMediaHandler implements IQueryHandler<GetAssetMediaQuery, AssetMediaView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(StorageSettings) private readonly settings: StorageSettings,
    @Inject(SignedLinks) private readonly links: SignedLinks,
  ) {}

  async execute({ actor, assetId }: GetAssetMediaQuery): Promise<AssetMediaView> {
    const { asset } = await this.policy.requireAsset(this.prisma, actor, assetId, 'viewer');
    const file = await mediaFileOf(this.prisma, asset);
    if (!file) throw conflict('Only files and version stacks have media', 'not_a_file');
    return mediaUrlsOf(this.prisma, this.storage, file, {
      allowOriginal: true,
      expiresInSeconds: this.settings.urlTtlSeconds,
      links: this.links,
    });
  }
}
