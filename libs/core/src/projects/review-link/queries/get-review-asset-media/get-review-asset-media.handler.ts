import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { ObjectStorage, SignedLinks, StorageSettings } from '@dailies/storage';
import { conflict } from '../../../../shared/errors';
import { AssetMediaView, mediaFileOf, mediaUrlsOf } from '../../../asset';
import { ReviewLinkAccess } from '../../rules/review-link-access';
import { GetReviewAssetMediaQuery } from './get-review-asset-media.query';

/**
 * What a reviewer may play: the proxy and thumbnail always; the original (inline or as a
 * download) only when the link allows downloads — otherwise those URLs are null, never issued.
 */
@QueryHandler(GetReviewAssetMediaQuery)
export class GetReviewAssetMediaHandler implements IQueryHandler<
  GetReviewAssetMediaQuery,
  AssetMediaView
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: ReviewLinkAccess,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(StorageSettings) private readonly settings: StorageSettings,
    @Inject(SignedLinks) private readonly links: SignedLinks,
  ) {}

  async execute({ credentials, assetId }: GetReviewAssetMediaQuery): Promise<AssetMediaView> {
    const opened = await this.access.open(credentials);
    const asset = await this.access.requireAsset(this.prisma, opened, assetId);
    const file = await mediaFileOf(this.prisma, asset);
    if (!file) throw conflict('Only files and version stacks have media', 'not_a_file');
    return mediaUrlsOf(this.prisma, this.storage, file, {
      allowOriginal: opened.link.allowDownload,
      expiresInSeconds: this.settings.urlTtlSeconds,
      links: this.links,
    });
  }
}
