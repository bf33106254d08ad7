import { UserActor } from '@dailies/events';
import { PageRequest, pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export class ListMyAccountsQuery {
  readonly page: PageRequest;
  constructor(
    readonly actor: UserActor,
    page: unknown,
  ) {
    this.page = validate(pageRequestSchema, page);
  }
}
