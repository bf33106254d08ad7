import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { AccountView } from '../../views/account.view';
import { UserActor } from '@dailies/events';
import { PageRequest, pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export class ListMyAccountsQuery extends Query<Page<AccountView>> {
  readonly page: PageRequest;
  constructor(
    readonly actor: UserActor,
    page: unknown,
  ) {
    super();
    this.page = validate(pageRequestSchema, page);
  }
}
