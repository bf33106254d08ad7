import { Command } from '@nestjs/cqrs';
import type { AddVersionResult } from './add-version.handler';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const addVersionInput = z
  .object({
    /** A file (which becomes version 1 of a new stack) or a version stack (or one of its versions). */
    assetId: idSchema,
    /** The file that becomes the next version. */
    nextAssetId: idSchema,
  })
  .strict();

/** Stack a file on top of another file or of an existing version stack. */
export class AddVersionCommand extends Command<AddVersionResult> {
  readonly input: z.infer<typeof addVersionInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(addVersionInput, input);
  }
}
