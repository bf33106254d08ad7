import { Command } from '@nestjs/cqrs';
import type { CreatedAssetView } from '../../views/asset.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, nameSchema, validate } from '../../../../shared/validate';
import { indexSchema, mediaFields, propertiesSchema } from '../../rules/asset-fields';

const mediaKeys = Object.keys(mediaFields) as (keyof typeof mediaFields)[];

export const createAssetInput = z
  .object({
    parentId: idSchema,
    type: z.enum(['folder', 'file']),
    name: nameSchema,
    ...mediaFields,
    properties: propertiesSchema.optional(),
    index: indexSchema,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.type !== 'folder') return;
    for (const key of mediaKeys) {
      if (input[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'only files have media fields' });
      }
    }
  });

/** A folder, or a file about to be uploaded, inside a folder (at `index`, default the end). */
export class CreateAssetCommand extends Command<CreatedAssetView> {
  readonly input: z.infer<typeof createAssetInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(createAssetInput, input);
  }
}
