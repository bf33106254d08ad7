import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import type { StaffUserDetails } from './staff-user-details.handler';

/** A customer's user as support sees it: accounts, sessions, status. */
export class StaffUserDetailsQuery extends Query<StaffUserDetails> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
  ) {
    super();
  }
}
