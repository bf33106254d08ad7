import { Query } from '@nestjs/cqrs';
import type { NewAsset } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/**
 * An asset as /v1 shows it, with its properties and current child_ids; whoever may view its
 * project (as GetAssetQuery). Trashed assets come back too, with deleted_at set (API.md).
 */
export class GetLegacyAssetQuery extends Query<NewAsset> {
  constructor(
    readonly actor: Actor,
    readonly assetId: string,
  ) {
    super();
  }
}
