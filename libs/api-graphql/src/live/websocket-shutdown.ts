import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { WebSocket } from 'ws';

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

  track(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  get size(): number {
    return this.sockets.size;
  }

  onModuleDestroy(): void {
    for (const socket of this.sockets) {
      socket.close(RESTART_CLOSE_CODE, 'Server restarting; reconnect');
    }
    this.sockets.clear();
  }
}
