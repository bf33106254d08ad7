import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { TestClient } from '@dailies/platform/testing';
import { drained, eventInvariants, query, userWithProject } from './testing/event-checks';
import { PlatformChild, startPlatformChild } from './testing/platform-child';

/**
 * The durable event path end to end, on whole platform processes: SIGKILL in the middle of
 * writes loses nothing, and two instances on one database handle each event once.
 */
describe('the event system across crashes and instances', () => {
  let databaseUrl: string;
  const children: PlatformChild[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill()));
    await dropTestDatabase(databaseUrl);
  });

  const start = async (env: Record<string, string> = {}) => {
    const child = await startPlatformChild(databaseUrl, env);
    children.push(child);
    return child;
  };

  /** Comments and uploads as fast as the instance takes them, until `stop()`. */
  function writeLoad(user: Awaited<ReturnType<typeof userWithProject>>, workers = 6) {
    let running = true;
    let committed = 0;
    const worker = async (n: number) => {
      const file = await user.client.post(`/v2/assets/${user.rootAssetId}/children`, {
        type: 'file',
        name: `take-${n}.mov`,
        filetype: 'video/quicktime',
        filesize: 1000 + n,
      });
      if (file.status !== 201) return;
      if ((await user.client.put(`/v2/assets/${file.body.id}/upload-complete`, {})).status === 200)
        committed += 1;
      while (running) {
        try {
          const res = await user.client.post(`/v2/assets/${file.body.id}/comments`, {
            text: `note ${committed}`,
            timestamp: committed,
          });
          if (res.status === 201) committed += 1;
        } catch {
          return; // the instance died under us
        }
      }
    };
    const done = Promise.allSettled(Array.from({ length: workers }, (_, n) => worker(n)));
    return {
      committed: () => committed,
      stop: async () => {
        running = false;
        await done;
      },
    };
  }

  it('loses nothing when the platform is SIGKILLed mid-writes: one audit entry per event, usage exact', async () => {
    // The production lease (60 s): the restarted instance must not wait it out, since the dead
    // instance's claimer lock went with its session (libs/events/src/runtime/claimer-lock.ts).
    const first = await start({ EVENTS_LEASE_SECONDS: '60' });
    const user = await userWithProject(first.url, 'Crash');
    const load = writeLoad(user);
    const deadline = Date.now() + 20_000;
    while (load.committed() < 150 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await first.kill();
    await load.stop();
    expect(load.committed()).toBeGreaterThanOrEqual(150);

    const leasedToTheDead = await pendingLeased(databaseUrl);
    const restartedAt = Date.now();
    const second = await start({ EVENTS_LEASE_SECONDS: '60' });
    const readyMs = Date.now() - restartedAt;
    await drained(databaseUrl, 30_000);
    const takeoverMs = Date.now() - restartedAt;
    console.log(
      `kill -9 and restart: ready in ${readyMs} ms, ${leasedToTheDead} deliveries still leased ` +
        `to the dead instance (60 s lease) all handled ${takeoverMs} ms after the restart began`,
    );
    expect(takeoverMs - readyMs).toBeLessThan(20_000);
    const facts = await eventInvariants(databaseUrl);
    expect(facts.events).toBeGreaterThan(150);
    expect(facts).toEqual({
      events: facts.events,
      audited: facts.events,
      unaudited: 0,
      tracked: facts.events,
      dead: 0,
      comments_without_event: 0,
      usage_drift: 0,
    });
    await second.stop();
  });

  it('handles each event once per consumer with two instances on one database', async () => {
    const [a, b] = [await start(), await start()];
    const before = await eventInvariants(databaseUrl);
    const userA = await userWithProject(a.url, 'Alpha');
    // The same user writing through both instances at once.
    const viaB = { ...userA, client: new TestClient(b.url, userA.accessToken) };
    const loads = [writeLoad(userA, 3), writeLoad(viaB, 3)];
    const deadline = Date.now() + 20_000;
    while (loads.some((l) => l.committed() < 40) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all(loads.map((l) => l.stop()));
    await drained(databaseUrl);
    const after = await eventInvariants(databaseUrl);
    expect(after.events - before.events).toBeGreaterThanOrEqual(80);
    expect(after).toEqual({
      events: after.events,
      audited: after.events,
      unaudited: 0,
      tracked: after.events,
      dead: 0,
      comments_without_event: 0,
      usage_drift: 0,
    });
    // usage_drift = 0 above is the once-per-consumer check that could fail: usage adds, so an
    // event it handled twice would show as drift.
    await Promise.all([a.stop(), b.stop()]);
  });
});

/** Pending deliveries whose lease has most of a minute left. */
async function pendingLeased(databaseUrl: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    databaseUrl,
    `SELECT count(*)::int AS n FROM event_deliveries
     WHERE state = 'pending' AND locked_until > now() + interval '30 seconds'`,
  );
  return row.n;
}
