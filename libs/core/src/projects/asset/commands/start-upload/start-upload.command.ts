import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';
import { MAX_FILE_BYTES } from '../../rules/upload-plan';
import type { UploadView } from '../../views/upload.view';

export const startUploadInput = z
  .object({
    assetId: idSchema,
    filesize: z
      .number()
      .int()
      .min(1)
      .max(MAX_FILE_BYTES)
      .meta({ description: 'Exact bytes of the file (completion is checked against it)' }),
    partSize: z.number().int().positive().optional().meta({
      description: 'Bytes per part (≥ 5 MiB, ≤ 5 GiB); default 16 MiB, larger for huge files',
    }),
  })
  .strict();

/** Begin sending a file's bytes to storage in parts (editors; the file must be `uploading`). */
export class StartUploadCommand extends Command<UploadView> {
  readonly input: z.infer<typeof startUploadInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(startUploadInput, input);
  }
}
