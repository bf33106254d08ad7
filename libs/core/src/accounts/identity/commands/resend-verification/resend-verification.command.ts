import { Command } from '@nestjs/cqrs';
import { UserActor } from '@dailies/events';

/** The signed-in user asks for a new verification link. */
export class ResendVerificationCommand extends Command<void> {
  constructor(readonly actor: UserActor) {
    super();
  }
}
