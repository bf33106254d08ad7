import { Client } from 'pg';
import { z } from 'zod';
import { PrismaService } from '@dailies/db';
import { defineJob } from './define-job';
import { EngineHarness, waitFor } from './testing/engine-harness';

describe('enqueue', () => {
  let harness: EngineHarness;
  let prisma: PrismaService;
  const seen: string[] = [];
  const welcome = defineJob('welcome-mail', z.object({ to: z.email() }), async ({ to }) => {
    seen.push(to);
  });

  beforeAll(async () => {
    harness = await EngineHarness.create();
    prisma = new PrismaService(harness.url, 2);
  });
  afterAll(async () => {
    await prisma.onModuleDestroy();
    await harness.close();
  });

  it('inside a rolled-back transaction leaves no job; inside a committed one runs it', async () => {
    const { jobs } = await harness.start({ jobs: [welcome] });
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.loginThrottle.create({ data: { key: 'rolled-back' } });
        await jobs.enqueue(welcome.name, { to: 'ghost@example.com' }, { tx });
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');
    await prisma.$transaction(async (tx) => {
      await tx.loginThrottle.create({ data: { key: 'committed' } });
      await jobs.enqueue(welcome.name, { to: 'kept@example.com' }, { tx });
    });

    // With a plain pg client in BEGIN … ROLLBACK / COMMIT too.
    const client = new Client({ connectionString: harness.url });
    await client.connect();
    await client.query('BEGIN');
    await jobs.enqueue(welcome.name, { to: 'ghost2@example.com' }, { tx: client });
    await client.query('ROLLBACK');
    await client.query('BEGIN');
    await jobs.enqueue(welcome.name, { to: 'pg@example.com' }, { tx: client });
    await client.query('COMMIT');
    await client.end();

    await waitFor(() => seen.length === 2);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(seen.sort()).toEqual(['kept@example.com', 'pg@example.com']);
    const history = await jobs.history(welcome.name);
    expect(history.map((h) => (h.payload as { to: string }).to).sort()).toEqual([
      'kept@example.com',
      'pg@example.com',
    ]);
    expect(await prisma.loginThrottle.count({ where: { key: 'rolled-back' } })).toBe(0);
  });

  it('refuses an invalid payload and an unknown job before anything is stored', async () => {
    const { jobs } = await harness.start({ jobs: [welcome] });
    await expect(jobs.enqueue(welcome.name, { to: 'not an address' })).rejects.toThrow(z.ZodError);
    await expect(jobs.enqueue('no-such-job', {})).rejects.toThrow('Unknown job "no-such-job"');
  });

  it('enqueues once per idempotency key, and not before runAt', async () => {
    const { jobs } = await harness.start({ jobs: [welcome] });
    const later = new Date(Date.now() + 3_600_000);
    const first = await jobs.enqueue(
      welcome.name,
      { to: 'a@example.com' },
      { key: 'k1', runAt: later },
    );
    const again = await jobs.enqueue(
      welcome.name,
      { to: 'a@example.com' },
      { key: 'k1', runAt: later },
    );
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
    expect(await jobs.stats(welcome.name)).toMatchObject({ deferred: 1, waiting: 0 });
  });
});
