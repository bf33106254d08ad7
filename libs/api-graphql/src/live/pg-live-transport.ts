import { Logger } from '@nestjs/common';
import { SqlPool } from '@dailies/db';
import { Client, Notification } from 'pg';
import { isLiveMessage, LiveMessage } from './live-message';
import { chunkMessages, LIVE_CHANNEL, LiveTransport, parseChunk } from './live-transport';

/** LISTEN on a dedicated connection (reconnecting), NOTIFY through the shared pool. */
export class PgLiveTransport implements LiveTransport {
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private onMessages: (messages: LiveMessage[]) => void = () => undefined;
  private readonly log = new Logger('PgLiveTransport');

  constructor(
    private readonly databaseUrl: string,
    private readonly sql: SqlPool,
  ) {}

  async start(onMessages: (messages: LiveMessage[]) => void): Promise<void> {
    this.onMessages = onMessages;
    await this.connect();
  }

  async publish(messages: readonly LiveMessage[]): Promise<void> {
    for (const chunk of chunkMessages(messages)) {
      await this.sql.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, chunk]);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'live' });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    client.on('notification', (n: Notification) => {
      if (n.channel === LIVE_CHANNEL && n.payload) {
        this.onMessages(parseChunk(n.payload, isLiveMessage));
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      this.client = client;
    } catch (error) {
      this.log.warn(`LISTEN failed, retrying: ${String(error)}`);
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    if (this.stopped || (this.client !== client && this.client !== null)) return;
    this.client = null;
    void client.end().catch(() => undefined);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), 1000);
  }
}
