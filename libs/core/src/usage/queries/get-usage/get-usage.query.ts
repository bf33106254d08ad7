import { Actor } from '@dailies/events';

/** An account's storage and asset usage against its limit. */
export class GetUsageQuery {
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
  ) {}
}
