import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const lockUserInput = z.object({
  userId: idSchema,
  /** The lock ends by itself then; absent: until UnlockUserCommand. */
  until: z
    .union([z.date(), z.iso.datetime({ offset: true }).transform((v) => new Date(v))])
    .refine((d) => d.getTime() > Date.now(), 'must be in the future')
    .optional(),
  /** For staff (kept with the user and in the audit log), never shown to the user. */
  reason: z.string().trim().min(1).max(500).optional(),
});

/**
 * Locks a user (support tool, automated abuse rules): every session and token stops at once on
 * every transport; signing in is refused while the lock lasts. Not exposed to users.
 */
export class LockUserCommand extends Command<void> {
  readonly input: z.infer<typeof lockUserInput>;
  constructor(
    /** Staff or system: who locks. */
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(lockUserInput, input);
  }
}
