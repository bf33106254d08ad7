import { Query } from '@nestjs/cqrs';
import type { NewAsset } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/**
 * Every live asset of a project — the root folder, folders, stacks, files and versions — as /v1
 * records (with properties and child_ids), in keyset batches of about 1,000: whoever may view the
 * project (ProjectPolicy, as GetProjectQuery). Unpaginated by the legacy contract, so it is an
 * AsyncIterable: memory stays flat and the first batch is ready at once, whatever the size.
 */
export class StreamProjectAssetsQuery extends Query<AsyncIterable<Iterable<NewAsset>>> {
  constructor(
    readonly actor: Actor,
    readonly projectId: string,
    readonly batchSize?: number,
  ) {
    super();
  }
}
