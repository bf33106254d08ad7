import { Command } from '@nestjs/cqrs';
import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';

export const logOutInput = z.object({
  refreshToken: z.string().trim().max(200).optional(),
  /** Log out everywhere: every session of this user. */
  allSessions: z.boolean().optional(),
});

export class LogOutCommand extends Command<{ sessionsRevoked: number }> {
  readonly input: z.infer<typeof logOutInput>;
  constructor(
    readonly actor: UserActor,
    readonly sessionId: string | undefined,
    input: unknown,
  ) {
    super();
    this.input = validate(logOutInput, input);
  }
}
