import { Command } from '@nestjs/cqrs';
import type { AssetView } from '../../views/asset.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';
import { mediaFields } from '../../rules/asset-fields';

/** Final media facts, when the uploader knows them better now than at creation. */
export const completeUploadInput = z.object({ assetId: idSchema, ...mediaFields }).strict();

/** The file's bytes have arrived: leave `uploading`. */
export class CompleteUploadCommand extends Command<AssetView> {
  readonly input: z.infer<typeof completeUploadInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(completeUploadInput, input);
  }
}
