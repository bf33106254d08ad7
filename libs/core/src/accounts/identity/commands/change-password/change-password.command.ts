import { Command } from '@nestjs/cqrs';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@dailies/auth';
import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'is required').max(PASSWORD_MAX_LENGTH),
  newPassword: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH),
});

/** The caller's new password; every other session of theirs ends. */
export class ChangePasswordCommand extends Command<{ sessionsRevoked: number }> {
  readonly input: z.infer<typeof changePasswordInput>;
  constructor(
    readonly actor: UserActor,
    /** The session asking (kept alive); absent for API tokens, which are refused. */
    readonly sessionId: string | undefined,
    input: unknown,
    readonly ip?: string,
  ) {
    super();
    this.input = validate(changePasswordInput, input);
  }
}
