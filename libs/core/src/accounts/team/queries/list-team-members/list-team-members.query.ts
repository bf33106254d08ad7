import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { MemberView } from '../../../account';
import { Actor } from '@dailies/events';
import { PageRequest, pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export class ListTeamMembersQuery extends Query<Page<MemberView>> {
  readonly page: PageRequest;
  constructor(
    readonly actor: Actor,
    readonly teamId: string,
    page: unknown,
  ) {
    super();
    this.page = validate(pageRequestSchema, page);
  }
}
