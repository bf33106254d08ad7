import { Command } from '@nestjs/cqrs';
import type { AssetView } from '../../views/asset.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, nameSchema, validate } from '../../../../shared/validate';
import { assetLabelSchema, propertiesSchema } from '../../rules/asset-fields';

export const updateAssetInput = z
  .object({
    assetId: idSchema,
    name: nameSchema.optional(),
    label: assetLabelSchema.optional(),
    /** Replaces the whole properties object. */
    properties: propertiesSchema.optional(),
  })
  .strict()
  .refine((i) => i.name !== undefined || i.label !== undefined || i.properties !== undefined, {
    message: 'send at least one of name, label, properties',
    path: ['(body)'],
  });

/** Rename, relabel and/or replace the custom properties of an asset. */
export class UpdateAssetCommand extends Command<AssetView> {
  readonly input: z.infer<typeof updateAssetInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(updateAssetInput, input);
  }
}
