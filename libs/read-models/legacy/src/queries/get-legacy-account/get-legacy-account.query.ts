import { Query } from '@nestjs/cqrs';
import type { NewAccount } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/** An account as /v1 shows it; members only (as GetAccountQuery). */
export class GetLegacyAccountQuery extends Query<NewAccount> {
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
  ) {
    super();
  }
}
