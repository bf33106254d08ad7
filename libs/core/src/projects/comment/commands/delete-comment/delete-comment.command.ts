import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const deleteCommentInput = z.object({ commentId: idSchema });

export class DeleteCommentCommand extends Command<void> {
  readonly input: z.infer<typeof deleteCommentInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(deleteCommentInput, input);
  }
}
