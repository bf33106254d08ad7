import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const resendInvitationInput = z.object({ invitationId: idSchema }).strict();

/**
 * Sends a pending invitation again with a fresh link and a fresh expiry (the old link stops
 * working). Account owners and admins, or support staff with a reason on their actor.
 */
export class ResendInvitationCommand extends Command<{ invitationId: string; expiresAt: Date }> {
  readonly input: z.infer<typeof resendInvitationInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(resendInvitationInput, input);
  }
}
