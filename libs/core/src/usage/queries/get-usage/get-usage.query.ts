import { Query } from '@nestjs/cqrs';
import type { UsageView } from '../../views/usage.view';
import { Actor } from '@dailies/events';

/** An account's storage and asset usage against its limit. */
export class GetUsageQuery extends Query<UsageView> {
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
  ) {
    super();
  }
}
