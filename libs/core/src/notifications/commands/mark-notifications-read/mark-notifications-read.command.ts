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

export class MarkNotificationsReadCommand {
  readonly input: z.infer<typeof markNotificationsReadInput>;
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    this.input = validate(markNotificationsReadInput, input);
  }
}
