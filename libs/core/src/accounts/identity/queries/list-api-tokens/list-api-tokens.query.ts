import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { ApiTokenView } from '../../views/api-token.view';
import { UserActor } from '@dailies/events';
import { PageRequest, pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export class ListApiTokensQuery extends Query<Page<ApiTokenView>> {
  readonly page: PageRequest;
  constructor(
    readonly actor: UserActor,
    page: unknown,
  ) {
    super();
    this.page = validate(pageRequestSchema, page);
  }
}
