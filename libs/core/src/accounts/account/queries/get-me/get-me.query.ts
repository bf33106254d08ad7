import { Query } from '@nestjs/cqrs';
import type { UserView } from '../../views/user.view';
import type { AccountView } from '../../views/account.view';
import { UserActor } from '@dailies/events';

export class GetMeQuery extends Query<UserView & { accounts: AccountView[] }> {
  constructor(readonly actor: UserActor) {
    super();
  }
}
