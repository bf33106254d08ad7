import { Command } from '@nestjs/cqrs';
import type { UnreadCountView } from './mark-notifications-read.handler';
import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../shared/validate';

/** Most ids one request may mark (a page of the inbox is at most 100). */
export const MAX_IDS_PER_READ = 500;

export const markNotificationsReadInput = z
  .strictObject({
    ids: z.array(idSchema).min(1).max(MAX_IDS_PER_READ).optional(),
    all: z.literal(true, { message: 'must be true' }).optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.ids === undefined) === (input.all === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'send either ids or all: true' });
    }
  });

export class MarkNotificationsReadCommand extends Command<UnreadCountView> {
  readonly input: z.infer<typeof markNotificationsReadInput>;
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    super();
    this.input = validate(markNotificationsReadInput, input);
  }
}
