import { Query } from '@nestjs/cqrs';
import type { NewTeam } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/** Every team of an account as /v1 records, in batches; members only (as ListTeamsQuery). */
export class StreamAccountTeamsQuery extends Query<AsyncIterable<NewTeam[]>> {
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
  ) {
    super();
  }
}
