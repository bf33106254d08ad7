import { startTestPlatform, TestPlatform } from '@dailies/platform/testing';
import { platformFeatures } from './platform.features';

/** Keeps the event loop busy `busyMs` out of every `everyMs` (a CPU-bound instance). */
function overload(busyMs: number, everyMs: number): () => void {
  const timer = setInterval(() => {
    const until = Date.now() + busyMs;
    while (Date.now() < until) {
      // spin: the event loop falls behind
    }
  }, everyMs);
  return () => clearInterval(timer);
}

describe('load shedding', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform(platformFeatures, { LOAD_SHED_EVENT_LOOP_DELAY_MS: '80' });
  });
  afterAll(async () => {
    await platform?.close();
  });

  const get = (path: string) => fetch(`${platform.baseUrl}${path}`);

  it('refuses new requests with 503 + Retry-After while the event loop lags, and answers health', async () => {
    const stop = overload(200, 210);
    const shed: Response[] = [];
    const shedLegacy: Response[] = [];
    const health: number[] = [];
    const burst: number[] = [];
    try {
      for (let i = 0; i < 80 && (shed.length < 1 || shedLegacy.length < 1); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const answer = await get('/v2/accounts');
        if (answer.status === 503) shed.push(answer);
        else expect(answer.status).toBe(401); // served: not signed in
        const legacy = await get('/v1/me');
        if (legacy.status === 503) shedLegacy.push(legacy);
        else expect(legacy.status).toBe(401);
        health.push((await get('/health/live')).status);
      }
      health.push((await get('/health/ready')).status); // readiness is answered too
      // A burst while the loop lags is refused at once, not queued: every request is answered,
      // each either served (401) or shed (503), none left waiting.
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => get('/v2/accounts').then((r) => r.status)),
      );
      burst.push(...answers);
    } finally {
      stop();
    }
    expect(shed.length).toBeGreaterThan(0);
    const [first] = shed;
    expect(first.headers.get('retry-after')).toBe('2');
    expect(first.headers.get('content-type')).toContain('application/problem+json');
    const body = (await first.json()) as { status: number; detail?: string };
    expect(body.status).toBe(503);
    expect(health.every((status) => status === 200)).toBe(true);
    expect(burst).toHaveLength(20);
    expect(burst.every((status) => status === 401 || status === 503)).toBe(true);
    // /v1 keeps its legacy error shape, with the 503 and Retry-After.
    expect(shedLegacy.length).toBeGreaterThan(0);
    expect(shedLegacy[0].headers.get('retry-after')).toBe('2');
    expect(await shedLegacy[0].json()).toMatchObject({ code: 'internal' });
  }, 120_000); // every request waits behind the blocked loop; slow on a loaded machine

  it('serves again once the event loop has caught up', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let i = 0; i < 5; i++) expect((await get('/v2/accounts')).status).toBe(401);
  });
});
