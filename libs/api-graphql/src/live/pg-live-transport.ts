import { DatabaseListener, SqlPool } from '@dailies/db';
import { isLiveMessage, LiveMessage } from './live-message';
import { chunkMessages, LIVE_CHANNEL, LiveTransport, parseChunk } from './live-transport';

/**
 * LISTEN on the process's shared connection (DatabaseListener: reconnects with backoff and
 * jitter, readiness waits for it), NOTIFY through the shared pool.
 */
export class PgLiveTransport implements LiveTransport {
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly listener: DatabaseListener,
    private readonly sql: SqlPool,
  ) {}

  async start(onMessages: (messages: LiveMessage[]) => void): Promise<void> {
    this.unsubscribe = await this.listener.subscribe(LIVE_CHANNEL, {
      onMessage: (payload) => {
        if (payload) onMessages(parseChunk(payload, isLiveMessage));
      },
    });
  }

  async publish(messages: readonly LiveMessage[]): Promise<void> {
    for (const chunk of chunkMessages(messages)) {
      await this.sql.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, chunk]);
    }
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }
}
