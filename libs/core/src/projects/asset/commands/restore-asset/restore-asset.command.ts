import { Command } from '@nestjs/cqrs';
import type { AssetView } from '../../views/asset.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const restoreAssetInput = z.object({ assetId: idSchema });

/** Bring a trashed asset (and exactly what was trashed with it) back. */
export class RestoreAssetCommand extends Command<AssetView> {
  readonly input: z.infer<typeof restoreAssetInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(restoreAssetInput, input);
  }
}
