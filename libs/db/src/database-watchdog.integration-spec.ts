import net from 'node:net';
import { Pool } from 'pg';
import { poolSettings } from './connection-settings';
import { DatabaseWatchdog } from './database-watchdog';
import { createTestDatabase, dropTestDatabase } from './testing';
import { isDatabaseUnavailableError } from './transient-errors';

/**
 * A TCP proxy in front of the test server that can stop passing bytes: PostgreSQL "frozen" as a
 * SIGSTOPped server or a partitioned network looks from the client.
 */
class FreezableProxy {
  frozen = false;
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;

  constructor(target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const [from, to] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.sockets.add(from);
        from.on('data', (chunk) => {
          if (!this.frozen) to.write(chunk);
        });
        from.on('close', () => to.destroy());
        from.on('error', () => to.destroy());
      }
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('DatabaseWatchdog', () => {
  let url: string;
  let proxy: FreezableProxy;
  let watchdog: DatabaseWatchdog;
  let pool: Pool;

  beforeAll(async () => {
    url = await createTestDatabase();
    const target = new URL(url);
    proxy = new FreezableProxy({ host: target.hostname, port: Number(target.port) });
    const viaProxy = new URL(url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(await proxy.listen());
    watchdog = new DatabaseWatchdog(viaProxy.toString());
    watchdog.timing = { intervalMs: 200, unresponsiveAfterMs: 500 };
    pool = new Pool({ ...poolSettings(viaProxy.toString()), max: 2 });
    pool.on('error', () => undefined);
    watchdog.watch(pool);
    watchdog.onApplicationBootstrap();
  });
  afterAll(async () => {
    await watchdog.onModuleDestroy();
    await pool.end().catch(() => undefined);
    await proxy.close();
    await dropTestDatabase(url);
  });

  it('fails a query on a frozen server within a second instead of the 12 s read timeout, then recovers', async () => {
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    const changes: boolean[] = [];
    watchdog.onChange((available) => changes.push(available));

    proxy.frozen = true;
    const t0 = Date.now();
    const error = await pool.query('SELECT 2').then(
      () => null,
      (e: unknown) => e,
    );
    const failedAfterMs = Date.now() - t0;
    console.log(`query on a frozen server failed after ${failedAfterMs} ms`);
    expect(isDatabaseUnavailableError(error)).toBe(true);
    expect(failedAfterMs).toBeLessThan(2_000);
    expect(watchdog.available).toBe(false);

    proxy.frozen = false;
    const t1 = Date.now();
    while (!watchdog.available && Date.now() - t1 < 5_000)
      await new Promise((r) => setTimeout(r, 20));
    expect(watchdog.available).toBe(true);
    expect((await pool.query('SELECT 3 AS three')).rows).toEqual([{ three: 3 }]);
    expect(changes).toEqual([false, true]);
  });
});
