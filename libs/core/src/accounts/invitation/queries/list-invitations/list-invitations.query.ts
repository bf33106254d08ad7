import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { InvitationView } from '../../views/invitation.view';
import { Actor } from '@dailies/events';
import { PageRequest, pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export class ListInvitationsQuery extends Query<Page<InvitationView>> {
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
