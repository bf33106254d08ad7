import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';

/**
 * The caller's access to a project read fresh from the database (no cache): live updates check
 * it for every event they are about to deliver, so someone removed from a project stops
 * receiving its events at once, on every instance, whatever any cache still says. The same
 * rules (resolveProjectAccess) as ProjectPolicy.
 */
export class LiveAccessQuery extends Query<LiveGrant | null> {
  constructor(
    readonly actor: Actor,
    readonly projectId: string,
  ) {
    super();
  }
}

export interface LiveGrant {
  access: 'viewer' | 'reviewer' | 'editor' | 'manager';
  /** A member of the project's account (sees private comments). */
  insider: boolean;
}
