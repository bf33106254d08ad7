import { Query } from '@nestjs/cqrs';
import type { Page, AssetView } from '@dailies/core';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '@dailies/core';
import { assetLabelSchema, assetStatusSchema, assetTypeSchema } from '@dailies/core/read-support';
import { batchIdsSchema, batchPageSchema } from '../batch-page';

export const loadChildrenInput = batchPageSchema.extend({
  type: assetTypeSchema.optional(),
  label: assetLabelSchema.optional(),
  status: assetStatusSchema.optional(),
});

/**
 * The children of many folders (or versions of many stacks) at once, each a page in custom
 * order exactly as GET /v2/assets/{id}/children; an empty page for a parent the caller may
 * not see.
 */
export class LoadChildrenQuery extends Query<Page<AssetView>[]> {
  readonly parentIds: string[];
  readonly input: z.infer<typeof loadChildrenInput>;
  constructor(
    readonly actor: Actor,
    parentIds: readonly string[],
    input: unknown,
  ) {
    super();
    this.parentIds = validate(batchIdsSchema, parentIds);
    this.input = validate(loadChildrenInput, input);
  }
}
