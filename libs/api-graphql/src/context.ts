import { Principal, unauthenticated } from '@dailies/core';
import { UserActor } from '@dailies/events';
import type { WebSocket } from 'ws';
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
  /** On a websocket: the socket, and a fresh check that its credentials still hold. */
  liveSocket?: WebSocket;
  credentialsStillValid?: () => Promise<boolean>;
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
