import { Principal, unauthenticated } from '@dailies/core';
import { UserActor } from '@dailies/events';
import { RequestLoaders } from './loaders/request-loaders';
import type { SocketSubscriptions } from './live/socket-guard';

/** What every resolver gets: who is calling (authenticated lazily) and the request's loaders. */
export interface GraphqlContext {
  requestId: string;
  ip: string | null;
  /** Resolves the Bearer token on first use; null when none was sent. */
  principal(): Promise<Principal | null>;
  loaders: RequestLoaders;
  /** On a websocket: the subscriptions open on it (capped per socket). */
  subscriptions?: SocketSubscriptions;
}

/** The caller as the domain's actor, or UNAUTHENTICATED. */
export async function actorOf(context: GraphqlContext): Promise<UserActor> {
  const principal = await context.principal();
  if (!principal) {
    throw unauthenticated('Send an access token or API token as "Authorization: Bearer <token>"');
  }
  return {
    type: 'user',
    id: principal.userId,
    ...(principal.apiTokenId ? { apiTokenId: principal.apiTokenId } : {}),
  };
}
