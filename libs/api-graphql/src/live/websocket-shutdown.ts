import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { WebSocket } from 'ws';

/** graphql-ws's "Unauthorized": the client must sign in again before reconnecting. */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** 1012 "service restart": graphql-ws clients treat it as retryable and reconnect. */
export const RESTART_CLOSE_CODE = 1012;

/**
 * The open GraphQL websockets of this instance. On shutdown each is closed with 1012 before
 * the server stops, so clients reconnect (to another instance) at once instead of waiting for
 * keep-alives to time out.
 */
@Injectable()
export class LiveSockets implements OnModuleDestroy {
  private readonly sockets = new Set<WebSocket>();
  private readonly watched = new WeakSet<WebSocket>();
  private watchedCount = 0;

  track(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  get size(): number {
    return this.sockets.size;
  }

  /** Open sockets whose session is watched (endWithSession). */
  get watching(): number {
    return this.watchedCount;
  }

  /**
   * Closes the socket with 4401 as soon as its credentials stop holding: whenever the user's
   * sessions or tokens may have ended (logout, revoked refresh family, password change, lock,
   * revoked API token — committed on any instance, heard through the live channel), the socket's
   * token is checked again, fresh from the database. Once per socket.
   */
  endWithSession(
    socket: WebSocket,
    listen: (onChange: () => void) => () => void,
    stillValid: () => Promise<boolean>,
  ): void {
    if (this.watched.has(socket)) return;
    this.watched.add(socket);
    this.watchedCount += 1;
    const stop = listen(() => {
      void stillValid().then((valid) => {
        if (!valid) socket.close(SESSION_ENDED_CLOSE_CODE, 'Session ended; sign in again');
      });
    });
    socket.once('close', () => {
      stop();
      this.watchedCount -= 1;
    });
  }

  onModuleDestroy(): void {
    for (const socket of this.sockets) {
      socket.close(RESTART_CLOSE_CODE, 'Server restarting; reconnect');
    }
    this.sockets.clear();
  }
}
