import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const trashAssetInput = z.object({ assetId: idSchema });

/** Move an asset and everything under it to the project's trash (restorable for 30 days). */
export class TrashAssetCommand extends Command<void> {
  readonly input: z.infer<typeof trashAssetInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(trashAssetInput, input);
  }
}
