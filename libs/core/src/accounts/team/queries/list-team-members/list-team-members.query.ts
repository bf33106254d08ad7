import { Actor } from '@dailies/events';
import { PageRequest, pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export class ListTeamMembersQuery {
  readonly page: PageRequest;
  constructor(
    readonly actor: Actor,
    readonly teamId: string,
    page: unknown,
  ) {
    this.page = validate(pageRequestSchema, page);
  }
}
