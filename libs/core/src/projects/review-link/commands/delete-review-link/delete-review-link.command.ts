import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const deleteReviewLinkInput = z.object({ reviewLinkId: idSchema });

export class DeleteReviewLinkCommand extends Command<void> {
  readonly input: z.infer<typeof deleteReviewLinkInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(deleteReviewLinkInput, input);
  }
}
