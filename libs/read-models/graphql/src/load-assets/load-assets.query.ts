import { Query } from '@nestjs/cqrs';
import type { AssetView } from '@dailies/core';
import { Actor } from '@dailies/events';
import { validate } from '@dailies/core';
import { batchIdsSchema } from '../batch-page';

/**
 * Live assets by id, for batched loaders (GraphQL DataLoaders): one answer per id, in order,
 * null where GET /v2/assets/{id} would be 404. Without `properties` (lists leave them out).
 */
export class LoadAssetsQuery extends Query<(AssetView | null)[]> {
  readonly ids: string[];
  constructor(
    readonly actor: Actor,
    ids: readonly string[],
  ) {
    super();
    this.ids = validate(batchIdsSchema, ids);
  }
}
