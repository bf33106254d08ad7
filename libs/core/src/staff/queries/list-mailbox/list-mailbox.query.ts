import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import type { LocalMailbox } from './list-mailbox.handler';

/** The local mailbox (no SMTP server configured): the latest messages, newest first. */
export class ListMailboxQuery extends Query<LocalMailbox> {
  constructor(
    readonly actor: Actor,
    readonly limit = 50,
  ) {
    super();
  }
}
