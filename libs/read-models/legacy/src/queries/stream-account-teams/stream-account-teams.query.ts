import { Actor } from '@dailies/events';

/** Every team of an account as /v1 records, in batches; members only (as ListTeamsQuery). */
export class StreamAccountTeamsQuery {
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
  ) {}
}
