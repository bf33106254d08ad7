import { Actor } from '@dailies/events';

/** An account as /v1 shows it; members only (as GetAccountQuery). */
export class GetLegacyAccountQuery {
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
  ) {}
}
