import { Command } from '@nestjs/cqrs';
import type { AssetView } from '../../views/asset.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';
import { indexSchema } from '../../rules/asset-fields';

export const moveAssetInput = z
  .object({
    assetId: idSchema,
    /** A folder, or a version stack (the asset, a file, becomes one of its versions). */
    parentId: idSchema,
    index: indexSchema,
  })
  .strict();

/**
 * Move an asset to another folder of its project, or to another position in the same one
 * (`index` among the new siblings, default the end). Into a stack: becomes a version at `index`;
 * within a stack: reorders its versions; out of a stack: takes the version out.
 */
export class MoveAssetCommand extends Command<AssetView> {
  readonly input: z.infer<typeof moveAssetInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(moveAssetInput, input);
  }
}
