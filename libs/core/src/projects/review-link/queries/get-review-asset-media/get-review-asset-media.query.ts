import { Query } from '@nestjs/cqrs';
import type { AssetMediaView } from '../../../asset';
import { ReviewCredentials } from '../../rules/review-link-access';

/** Playback (and, when the link allows downloads, download) URLs of a shared asset. */
export class GetReviewAssetMediaQuery extends Query<AssetMediaView> {
  constructor(
    readonly credentials: ReviewCredentials,
    readonly assetId: string,
  ) {
    super();
  }
}
