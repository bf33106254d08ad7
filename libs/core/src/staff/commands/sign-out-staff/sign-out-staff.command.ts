import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';

/** Ends one staff session (the sign-out button). */
export class SignOutStaffCommand extends Command<void> {
  constructor(
    readonly actor: Extract<Actor, { type: 'staff' }>,
    readonly sessionId: string,
  ) {
    super();
  }
}
