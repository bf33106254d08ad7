import { Command } from '@nestjs/cqrs';
import type { ReviewLinkView } from '../../views/review-link.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, nameSchema, validate } from '../../../../shared/validate';
import { reviewAssetIdsSchema } from '../../rules/review-link-assets';
import { reviewExpirySchema, reviewPasswordSchema } from '../../rules/review-link-input';

export const createReviewLinkInput = z
  .object({
    projectId: idSchema,
    name: nameSchema,
    assetIds: reviewAssetIdsSchema,
    password: reviewPasswordSchema.optional(),
    expiresAt: reviewExpirySchema.optional(),
    allowDownload: z.boolean().default(false),
    /** Anonymous visitors may comment (checked on every comment). */
    allowComments: z.boolean().default(true),
  })
  .strict();

export class CreateReviewLinkCommand extends Command<ReviewLinkView> {
  readonly input: z.infer<typeof createReviewLinkInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(createReviewLinkInput, input);
  }
}
