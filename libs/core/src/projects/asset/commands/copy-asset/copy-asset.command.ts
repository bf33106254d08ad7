import { Command } from '@nestjs/cqrs';
import type { AssetView } from '../../views/asset.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';
import { indexSchema } from '../../rules/asset-fields';

export const copyAssetInput = z
  .object({
    assetId: idSchema,
    /** A folder of the same project. */
    parentId: idSchema,
    /** Copy the comments (with their replies) of every copied asset too. */
    withComments: z.boolean().default(false),
    index: indexSchema,
  })
  .strict();

/** Deep-copy an asset and its subtree (new ids) into a folder of the same project. */
export class CopyAssetCommand extends Command<AssetView> {
  readonly input: z.infer<typeof copyAssetInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(copyAssetInput, input);
  }
}
