import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DataDirPlatform,
  postgresProcesses,
  signalAll,
  startOnDataDir,
  waitUntil,
} from './testing/data-dir-platform';

/**
 * Faults of the embedded PostgreSQL under `npm start`, on a real process with its own data
 * folder: frozen (SIGSTOP of the postmaster and every backend) and killed (SIGKILL). Every
 * transport answers 503 + Retry-After within seconds, readiness says which check failed, and
 * after the fault everything recovers by itself with every acknowledged write kept. Measured
 * times are printed (docs/faults.md).
 */
const TARGET_MS = 5_000;

interface Probe {
  transport: string;
  status: number;
  retryAfter: string | null;
  ms: number;
}

describe('the platform when its PostgreSQL freezes or dies', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-faults-'));
  fs.chmodSync(dataDir, 0o755);
  let platform: DataDirPlatform;
  let base: string;
  let token: string;
  let accountId: string;
  const acknowledged: string[] = [];
  /** Loads still running (a failed case must not leave one looping after the suite). */
  const loads = new Set<() => Promise<void>>();

  beforeAll(async () => {
    platform = startOnDataDir(dataDir);
    base = await platform.ready;
    const login = await post('/v2/auth/login', {
      email: 'demo@dailies.dev',
      password: 'dailies-demo-2026',
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    const me = (await (await get('/v2/me')).json()) as { accounts: { id: string }[] };
    accountId = me.accounts[0].id;
  }, 60_000);

  afterAll(async () => {
    signalAll(postgresProcesses(dataDir), 'SIGCONT');
    await Promise.all([...loads].map((stop) => stop()));
    try {
      process.kill(-platform.child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
    await waitUntil(() => postgresProcesses(dataDir).length === 0, 5_000);
    signalAll(postgresProcesses(dataDir), 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });

  function get(route: string): Promise<Response> {
    return fetch(`${base}${route}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(20_000),
    });
  }

  function post(route: string, body: unknown): Promise<Response> {
    return fetch(`${base}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  }

  /** One request per transport, all at once; each with its status, Retry-After and duration. */
  async function probeAll(): Promise<Probe[]> {
    const timed = async (transport: string, request: () => Promise<Response>) => {
      const t0 = Date.now();
      const res = await request();
      await res.arrayBuffer();
      return {
        transport,
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        ms: Date.now() - t0,
      };
    };
    return Promise.all([
      timed('/v2', () => get('/v2/me')),
      timed('/v1', () => get('/v1/me')),
      timed('graphql', () => post('/graphql', { query: '{ me { id } }' })),
      timed('/v2 write', () =>
        post(`/v2/accounts/${accountId}/teams`, { name: 'during the fault' }),
      ),
    ]);
  }

  /** Writes teams one after another until stopped; remembers the ones answered 201. */
  function writeLoad() {
    let running = true;
    let n = 0;
    const loop = (async () => {
      while (running) {
        const name = `ack-${n++}`;
        try {
          const res = await post(`/v2/accounts/${accountId}/teams`, { name });
          if (res.status === 201) acknowledged.push(name);
          else await new Promise((r) => setTimeout(r, 100));
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    })();
    const stop = async () => {
      running = false;
      loads.delete(stop);
      await loop;
    };
    loads.add(stop);
    return stop;
  }

  async function teamNames(): Promise<Set<string>> {
    const names = new Set<string>();
    let cursor: string | null = null;
    do {
      const res = await get(
        `/v2/accounts/${accountId}/teams?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = (await res.json()) as { data: { name: string }[]; nextCursor: string | null };
      for (const team of page.data) names.add(team.name);
      cursor = page.nextCursor;
    } while (cursor);
    return names;
  }

  /** Waits until every transport and readiness answer normally again; returns how long. */
  async function recovery(since: number): Promise<number> {
    const ok = await waitUntil(async () => {
      try {
        const ready = await get('/health/ready');
        if (ready.status !== 200) return false;
        const probes = await probeAll();
        return probes.every((p) => p.status === 200 || p.status === 201);
      } catch {
        return false;
      }
    }, 30_000);
    expect(ok).toBe(true);
    return Date.now() - since;
  }

  async function expectUnavailable(fault: string, since: number): Promise<void> {
    // Requests sent right after the fault: in flight while it is noticed.
    const probes = await probeAll();
    const detected = Date.now() - since;
    for (const probe of probes) {
      expect({ transport: probe.transport, status: probe.status }).toEqual({
        transport: probe.transport,
        status: 503,
      });
      expect(Number(probe.retryAfter)).toBeGreaterThan(0);
      expect(probe.ms).toBeLessThanOrEqual(TARGET_MS);
    }
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: Record<string, { status: string }> };
    expect(body.checks.database).toEqual({ status: 'down' });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONN|postgres/i);
    // A request sent once the fault is known fails at once.
    const again = await probeAll();
    const slowest = Math.max(...again.map((p) => p.ms));
    expect(again.every((p) => p.status === 503)).toBe(true);
    console.log(
      `${fault}: first answers ${probes.map((p) => `${p.transport} ${p.status} in ${p.ms} ms`).join(', ')}; ` +
        `all 503 after ${detected} ms; later requests answered in ≤ ${slowest} ms`,
    );
  }

  it('refuses a second start on the same data folder with one clear line, leaving the first alone', async () => {
    const second = startOnDataDir(dataDir);
    const code = await second.exited;
    expect(code).not.toBe(0);
    const lines = second.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/already running on the data folder/);
    expect((await get('/v2/me')).status).toBe(200);
  }, 60_000);

  it('answers 503 + Retry-After on every transport while PostgreSQL is frozen, and recovers after SIGCONT losing nothing', async () => {
    const stopLoad = writeLoad();
    await waitUntil(() => acknowledged.length >= 20, 20_000);
    const frozen = postgresProcesses(dataDir);
    expect(frozen.length).toBeGreaterThan(1);
    const frozenAt = Date.now();
    signalAll(frozen, 'SIGSTOP');
    try {
      await expectUnavailable('PostgreSQL frozen (SIGSTOP)', frozenAt);
    } finally {
      signalAll(frozen, 'SIGCONT');
    }
    const resumedAt = Date.now();
    const recoveredMs = await recovery(resumedAt);
    console.log(`PostgreSQL frozen (SIGSTOP): recovered ${recoveredMs} ms after SIGCONT`);
    await stopLoad();
    const names = await teamNames();
    expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
  }, 60_000);

  it('answers 503 + Retry-After while PostgreSQL is killed, restarts it, and loses nothing', async () => {
    const before = acknowledged.length;
    const stopLoad = writeLoad();
    await waitUntil(() => acknowledged.length >= before + 20, 20_000);
    const [postmaster] = postgresProcesses(dataDir);
    const killedAt = Date.now();
    signalAll(postgresProcesses(dataDir), 'SIGKILL');
    await expectUnavailable('PostgreSQL killed (SIGKILL)', killedAt).catch((error: unknown) => {
      // The restart can win the race against the probes: then nothing is unavailable any more.
      if (!postgresProcesses(dataDir).length) throw error;
      console.log(`PostgreSQL killed (SIGKILL): restarted before the probes (${String(error)})`);
    });
    const recoveredMs = await recovery(killedAt);
    expect(postgresProcesses(dataDir)[0]).not.toBe(postmaster);
    console.log(
      `PostgreSQL killed (SIGKILL): restarted and recovered ${recoveredMs} ms after the kill`,
    );
    await stopLoad();
    expect(acknowledged.length).toBeGreaterThan(before + 20);
    const names = await teamNames();
    expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
  }, 60_000);
});
