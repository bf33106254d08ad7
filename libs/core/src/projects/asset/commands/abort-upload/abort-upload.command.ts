import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const abortUploadInput = z.object({ assetId: idSchema }).strict();

/** Give up the file's upload in progress; storage drops its parts. The file stays `uploading`. */
export class AbortUploadCommand extends Command<void> {
  readonly input: z.infer<typeof abortUploadInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(abortUploadInput, input);
  }
}
