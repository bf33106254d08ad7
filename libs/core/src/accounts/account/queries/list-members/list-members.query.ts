import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { MemberView } from '../../views/member.view';
import { Actor } from '@dailies/events';
import { PageRequest, pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export class ListMembersQuery extends Query<Page<MemberView>> {
  readonly page: PageRequest;
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
    page: unknown,
  ) {
    super();
    this.page = validate(pageRequestSchema, page);
  }
}
