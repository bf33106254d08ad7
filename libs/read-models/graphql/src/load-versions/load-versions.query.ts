import { Query } from '@nestjs/cqrs';
import type { Page, AssetView } from '@dailies/core';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '@dailies/core';
import { batchIdsSchema, batchPageSchema } from '../batch-page';

/**
 * The versions of many version stacks at once, version 1 first, as GET
 * /v2/assets/{id}/versions; an empty page for anything that is not a stack the caller can see.
 */
export class LoadVersionsQuery extends Query<Page<AssetView>[]> {
  readonly stackIds: string[];
  readonly page: z.infer<typeof batchPageSchema>;
  constructor(
    readonly actor: Actor,
    stackIds: readonly string[],
    page: unknown,
  ) {
    super();
    this.stackIds = validate(batchIdsSchema, stackIds);
    this.page = validate(batchPageSchema, page);
  }
}
