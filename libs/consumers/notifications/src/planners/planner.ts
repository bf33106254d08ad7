import { PrismaService } from '@dailies/db';
import { Actor, actorUserId, DomainEvent } from '@dailies/events';
import { NotificationPlan } from '../notification-plan';
import type { CommentFactsLoader } from './comment-facts.sql';

/** Reads shared by the deliveries that run together (one read for a batch of events). */
export interface PlannerReads {
  readonly commentFacts: CommentFactsLoader;
}

/** Turns one event into a plan (one read of the facts it needs), or null when nobody hears. */
export type Planner = (
  db: PrismaService,
  event: DomainEvent,
  reads: PlannerReads,
) => Promise<NotificationPlan | null>;

/** The actor's id when a user, else null (anonymous reviewers, staff and the system). */
export const actorIdOf = (actor: Actor): string | null => actorUserId(actor) ?? null;

/** The actor's name when the event does not say it: `userName` is the looked-up user's. */
export function actorNameOf(actor: Actor, userName: string | null): string {
  switch (actor.type) {
    case 'user':
      return userName ?? '';
    case 'anonymous':
      return actor.displayName;
    case 'staff':
      return actor.email ?? 'Dailies support';
    case 'system':
      return 'Dailies';
  }
}
