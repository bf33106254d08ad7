import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { AssetView } from '../../views/asset.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';
import { assetLabelSchema, assetStatusSchema, assetTypeSchema } from '../../rules/asset-fields';

export const listChildrenInput = pageRequestSchema.extend({
  type: assetTypeSchema.optional(),
  label: assetLabelSchema.optional(),
  /** A stack matches on the status of its latest version. */
  status: assetStatusSchema.optional(),
});

export class ListChildrenQuery extends Query<Page<AssetView>> {
  readonly input: z.infer<typeof listChildrenInput>;
  constructor(
    readonly actor: Actor,
    readonly assetId: string,
    query: unknown,
  ) {
    super();
    this.input = validate(listChildrenInput, query);
  }
}
