import { Logger } from '@nestjs/common';
import type { DatabaseListener, SqlPool } from '@dailies/db';
import { Readiness } from './health.controller';

describe('Readiness', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'warn', 'error']));

  function readiness(database: () => Promise<unknown>): Readiness {
    return new Readiness({ query: database } as unknown as SqlPool);
  }

  it('answers every check by name with its status only: no error text, no address', async () => {
    const r = readiness(() =>
      Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:5432 (user "dailies")')),
    );
    r.register('events', async () => ({ status: 'degraded', detail: 'audit is 90 s behind' }));
    r.register('listener', async () => ({ status: 'ok' }));
    const report = await r.run();
    expect(report).toEqual({
      status: 'down',
      checks: {
        database: { status: 'down' },
        events: { status: 'degraded' },
        listener: { status: 'ok' },
      },
    });
    expect(JSON.stringify(report)).not.toMatch(/10\.1\.2\.3|ECONNREFUSED|behind|dailies/);
  });

  it('is not ready while the shared LISTEN connection is reconnecting', async () => {
    const listener = { inUse: true, listening: false } as DatabaseListener;
    const r = new Readiness({ query: async () => [] } as unknown as SqlPool, undefined, listener);
    expect(await r.run()).toEqual({
      status: 'down',
      checks: { database: { status: 'ok' }, listener: { status: 'down' } },
    });
    Object.assign(listener, { listening: true });
    expect((await r.run()).status).toBe('ok');
  });

  it('is degraded (still serving) when no check is down', async () => {
    const r = readiness(() => Promise.resolve([]));
    r.register('events', async () => ({ status: 'degraded', detail: 'lag' }));
    expect((await r.run()).status).toBe('degraded');
  });

  it('counts a check that does not answer within 2 s as down', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const r = readiness(() => new Promise(() => undefined));
      const run = r.run();
      await jest.advanceTimersByTimeAsync(2_001);
      expect(await run).toEqual({
        status: 'down',
        checks: { database: { status: 'down' }, listener: { status: 'ok' } },
      });
    } finally {
      jest.useRealTimers();
    }
  });
});
