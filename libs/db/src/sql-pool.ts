import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { Pool, PoolClient, QueryResultRow } from 'pg';
import { poolSettings } from './connection-settings';
import { DATABASE_URL } from './database-url';
import { DatabaseWatchdog } from './database-watchdog';

/** Plain `pg` for the places where raw SQL speed matters (health checks, bulk work, COPY). */
@Injectable()
export class SqlPool implements OnModuleDestroy {
  readonly pool: Pool;

  constructor(@Inject(DATABASE_URL) url: string, @Optional() watchdog?: DatabaseWatchdog) {
    this.pool = new Pool({ ...poolSettings(url), max: 4, application_name: 'dailies' });
    // An idle client losing its server (restart, failover) must not crash the process.
    this.pool.on('error', () => undefined);
    watchdog?.watch(this.pool);
  }

  async query<R extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    const result = await this.pool.query<R>(sql, params);
    return result.rows;
  }

  async withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
