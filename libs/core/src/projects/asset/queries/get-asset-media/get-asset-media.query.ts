import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import type { AssetMediaView } from '../../views/upload.view';

/** Short-lived URLs to play and download a file (a stack: its latest version). */
export class GetAssetMediaQuery extends Query<AssetMediaView> {
  constructor(
    readonly actor: Actor,
    readonly assetId: string,
  ) {
    super();
  }
}
