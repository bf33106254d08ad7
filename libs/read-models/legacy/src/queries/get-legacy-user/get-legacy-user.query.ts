import { Query } from '@nestjs/cqrs';
import type { NewUser } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/**
 * A user as the legacy /v1 contract shows it: the caller themself, or a user who shares an
 * account or a project with the caller; anyone else does not exist for them.
 */
export class GetLegacyUserQuery extends Query<NewUser> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
  ) {
    super();
  }
}
