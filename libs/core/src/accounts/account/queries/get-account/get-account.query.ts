import { Query } from '@nestjs/cqrs';
import type { AccountView } from '../../views/account.view';
import { Actor } from '@dailies/events';

export class GetAccountQuery extends Query<AccountView> {
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
  ) {
    super();
  }
}
