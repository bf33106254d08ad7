import { GraphQLError } from 'graphql';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

// graphql-ws protocol rules Mercurius leaves out (see the protocol's GraphQLOverWebSocket.md):
// a refused connection_init closes with 4403 Forbidden; a socket that sends no connection_init
// within the wait timeout closes with 4408; and a cap on subscriptions per socket.

/** graphql-ws close codes. */
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_INIT_TIMEOUT = 4408;

/**
 * Mercurius answers a refused connection_init with a `connection_error` message (not part of the
 * graphql-ws protocol) and a plain close. This turns that message into the protocol's close
 * 4403 Forbidden, which clients such as graphql-ws report as such (and do not retry).
 */
export function closeRefusedInitWith4403(socket: WebSocket): void {
  const send = socket.send.bind(socket) as (...args: unknown[]) => void;
  (socket as unknown as { send: (...args: unknown[]) => void }).send = (data, ...rest) => {
    if (typeof data === 'string' && data.includes('"connection_error"')) {
      try {
        if ((JSON.parse(data) as { type?: unknown }).type === 'connection_error') {
          socket.close(CLOSE_FORBIDDEN, 'Forbidden');
          return;
        }
      } catch {
        // not ours to judge: send as is
      }
    }
    send(data, ...rest);
  };
}

const initialised = new WeakSet<WebSocket>();

/** Called when a socket's connection_init is handled (Mercurius resolves its context then). */
export function markInitialised(socket: WebSocket): void {
  initialised.add(socket);
}

/**
 * The WebSocket ws created on a connection's TCP socket. ws links the two under a private
 * symbol (described 'websocket'); Mercurius hands out no per-socket hook before
 * connection_init, so this is how the timer finds its socket.
 */
function webSocketOn(tcp: Socket): WebSocket | undefined {
  const key = Object.getOwnPropertySymbols(tcp).find((s) => s.description === 'websocket');
  return key ? (tcp as unknown as Record<symbol, WebSocket | undefined>)[key] : undefined;
}

/**
 * Started on the TCP socket of an upgrade request: if its websocket has not sent connection_init
 * when the time is up, it is closed with 4408 (graphql-ws' connectionInitWaitTimeout).
 */
export function requireInitWithin(tcp: Socket, timeoutMs: number): void {
  const timer = setTimeout(() => {
    const socket = webSocketOn(tcp);
    if (socket && !initialised.has(socket) && socket.readyState === socket.OPEN)
      socket.close(CLOSE_INIT_TIMEOUT, 'Connection initialisation timeout');
  }, timeoutMs);
  timer.unref();
  tcp.once('close', () => clearTimeout(timer));
}

/** The subscriptions open on one socket (ids), shared by every subscription's context. */
export interface SocketSubscriptions {
  ids: Set<string>;
}

/** Refuses a subscription beyond `max` open ones on its socket. */
export function admitSubscription(
  subscriptions: SocketSubscriptions | undefined,
  id: string,
  max: number,
): void {
  if (!subscriptions) return;
  if (subscriptions.ids.size >= max) {
    throw new GraphQLError(
      `At most ${max} subscriptions may be open on one connection; complete one first`,
      { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', maxSubscriptions: max } },
    );
  }
  subscriptions.ids.add(id);
}
