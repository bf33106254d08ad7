import { Query } from '@nestjs/cqrs';
import type { NewAsset } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/** A folder's (or stack's) live children in their order, as /v1 records in keyset batches. */
export class StreamAssetChildrenQuery extends Query<AsyncIterable<Iterable<NewAsset>>> {
  constructor(
    readonly actor: Actor,
    readonly assetId: string,
  ) {
    super();
  }
}
