import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import type { SentEmailView } from './list-sent-emails.handler';

/**
 * The latest outgoing e-mails (the delivery log of libs/email: what went to the local mailbox or
 * SMTP), newest first; staff only.
 */
export class ListSentEmailsQuery extends Query<SentEmailView[]> {
  constructor(
    readonly actor: Actor,
    readonly limit = 50,
  ) {
    super();
  }
}
