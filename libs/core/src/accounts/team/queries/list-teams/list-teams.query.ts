import { Actor } from '@dailies/events';
import { PageRequest, pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export class ListTeamsQuery {
  readonly page: PageRequest;
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
    page: unknown,
  ) {
    this.page = validate(pageRequestSchema, page);
  }
}
