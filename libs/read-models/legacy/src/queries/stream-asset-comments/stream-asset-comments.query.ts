import { Query } from '@nestjs/cqrs';
import type { NewComment } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/**
 * Every live comment on an asset, replies included, oldest first, as /v1 records in keyset
 * batches; private ones only for insiders (as ListCommentsQuery).
 */
export class StreamAssetCommentsQuery extends Query<AsyncIterable<NewComment[]>> {
  constructor(
    readonly actor: Actor,
    readonly assetId: string,
  ) {
    super();
  }
}
