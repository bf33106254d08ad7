import { Client } from 'pg';
import { DatabaseListener } from './database-listener';
import { createTestDatabase, dropTestDatabase } from './testing';

async function sql<R>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as R[];
  } finally {
    await client.end();
  }
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('DatabaseListener', () => {
  let url: string;
  let listener: DatabaseListener;

  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterAll(async () => {
    await listener?.stop();
    await dropTestDatabase(url);
  });

  const listenBackends = () =>
    sql<{ pid: number }>(
      url,
      `SELECT pid FROM pg_stat_activity
       WHERE application_name = 'dailies-listen' AND datname = current_database()`,
    );

  it('shares one connection, reconnects after pg_terminate_backend, and delivers again', async () => {
    listener = new DatabaseListener(url);
    listener.backoff = { initialDelayMs: 50, multiplier: 2, maxDelayMs: 1_000, jitter: 0.5 };
    const heard: string[] = [];
    let caughtUp = 0;
    await listener.subscribe('alpha', {
      onMessage: (payload) => heard.push(`alpha:${payload}`),
      onListening: () => caughtUp++,
    });
    await listener.subscribe('beta', { onMessage: (payload) => heard.push(`beta1:${payload}`) });
    await listener.subscribe('beta', { onMessage: (payload) => heard.push(`beta2:${payload}`) });
    expect(caughtUp).toBe(1);
    expect(await listenBackends()).toHaveLength(1);

    await sql(url, "SELECT pg_notify('alpha', 'one'), pg_notify('beta', 'two')");
    await until(() => heard.length === 3);
    expect(heard.sort()).toEqual(['alpha:one', 'beta1:two', 'beta2:two']);

    const [{ pid }] = await listenBackends();
    const killedAt = Date.now();
    await sql(url, 'SELECT pg_terminate_backend($1)', [pid]);
    await until(() => !listener.listening);
    await until(() => listener.listening);
    const reconnectMs = Date.now() - killedAt;
    console.log(`LISTEN connection back ${reconnectMs} ms after pg_terminate_backend`);
    expect(reconnectMs).toBeLessThan(5_000);
    expect(caughtUp).toBe(2);
    const backends = await listenBackends();
    expect(backends).toHaveLength(1);
    expect(backends[0].pid).not.toBe(pid);

    heard.length = 0;
    await sql(url, "SELECT pg_notify('alpha', 'three'), pg_notify('beta', 'four')");
    await until(() => heard.length === 3);
    expect(heard.sort()).toEqual(['alpha:three', 'beta1:four', 'beta2:four']);
  });

  it('stops listening on a channel after its last subscriber leaves', async () => {
    const heard: string[] = [];
    const leave = await listener.subscribe('gamma', { onMessage: (p) => heard.push(p) });
    await sql(url, "SELECT pg_notify('gamma', 'before')");
    await until(() => heard.length === 1);
    await leave();
    await sql(url, "SELECT pg_notify('gamma', 'after'), pg_notify('alpha', 'marker')");
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual(['before']);
  });

  it('refuses a channel name that is not an identifier', async () => {
    await expect(
      listener.subscribe('x; DROP TABLE users', { onMessage: () => undefined }),
    ).rejects.toThrow(/Not a channel name/);
  });
});
