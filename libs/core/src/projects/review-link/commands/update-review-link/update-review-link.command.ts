import { Command } from '@nestjs/cqrs';
import type { ReviewLinkView } from '../../views/review-link.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, nameSchema, validate } from '../../../../shared/validate';
import { reviewAssetIdsSchema } from '../../rules/review-link-assets';
import { reviewExpirySchema, reviewPasswordSchema } from '../../rules/review-link-input';

/** Only what is sent changes; `password: null` and `expiresAt: null` remove them. */
export const updateReviewLinkInput = z
  .object({
    reviewLinkId: idSchema,
    name: nameSchema.optional(),
    password: reviewPasswordSchema.nullable().optional(),
    expiresAt: reviewExpirySchema.nullable().optional(),
    active: z.boolean().optional(),
    allowDownload: z.boolean().optional(),
    allowComments: z.boolean().optional(),
    /** Replaces the shared assets (and their order). */
    assetIds: reviewAssetIdsSchema.optional(),
  })
  .strict();

export class UpdateReviewLinkCommand extends Command<ReviewLinkView> {
  readonly input: z.infer<typeof updateReviewLinkInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(updateReviewLinkInput, input);
  }
}
