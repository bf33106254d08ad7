import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import {
  DomainError,
  ListDeadLettersQuery,
  RedriveDeadLettersCommand,
  ReplayEventsCommand,
} from '@dailies/core';
import { signUp } from './testing/fixtures';

const staff = { type: 'staff' as const, id: 'ops-1', email: 'ops@dailies.dev' };

/** Operating the event system: dead letters listed and redriven, a consumer replayed. */
describe('event operations (dead letters, replay)', () => {
  let platform: TestPlatform;
  let db: Client;
  let commands: CommandBus;
  let queries: QueryBus;

  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(sql, params)).rows[0].n;
  const eventually = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const drained = () =>
    eventually(
      async () =>
        (await count("SELECT count(*)::int AS n FROM event_deliveries WHERE state = 'pending'")) ===
        0,
    );

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    commands = platform.app.get(CommandBus);
    queries = platform.app.get(QueryBus);
    await signUp(new TestClient(platform.baseUrl), 'Ops');
    await drained();
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  it('lists a dead letter for staff only, and redrive delivers it once', async () => {
    const {
      rows: [event],
    } = await db.query<{ id: string; position: string; subject_type: string; subject_id: string }>(
      'SELECT id, position, subject_type, subject_id FROM events ORDER BY position LIMIT 1',
    );
    // As if the audit consumer had failed this event on its last attempt.
    await db.query('DELETE FROM audit_log WHERE event_id = $1', [event.id]);
    await db.query(
      `INSERT INTO event_deliveries (event_id, consumer, event_position, subject_type, subject_id,
                                     state, attempts, last_error)
       VALUES ($1, 'audit', $2, $3, $4, 'dead', 8, 'boom')`,
      [event.id, event.position, event.subject_type, event.subject_id],
    );

    const page = await queries.execute(new ListDeadLettersQuery(staff, { consumer: 'audit' }));
    expect(page.data).toEqual([
      expect.objectContaining({ consumer: 'audit', eventId: event.id, lastError: 'boom' }),
    ]);
    const user = { type: 'user' as const, id: '00000000-0000-7000-8000-000000000000' };
    await expect(queries.execute(new ListDeadLettersQuery(user, {}))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      queries.execute(new ListDeadLettersQuery(staff, { consumer: 'nobody' })),
    ).rejects.toBeInstanceOf(DomainError);

    const result = await commands.execute(
      new RedriveDeadLettersCommand(staff, { consumer: 'audit', all: true }),
    );
    expect(result).toEqual({ redriven: 1 });
    await eventually(
      async () =>
        (await count('SELECT count(*)::int AS n FROM audit_log WHERE event_id = $1', [
          event.id,
        ])) === 1,
    );
    expect(
      await count("SELECT count(*)::int AS n FROM event_deliveries WHERE state = 'dead'"),
    ).toBe(0);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM events WHERE name = 'operations.dead_letters_redriven'",
      ),
    ).toBe(1);
  });

  it('replays a consumer over a time range, restoring what it had lost', async () => {
    await drained();
    const before = await count('SELECT count(*)::int AS n FROM audit_log');
    const {
      rows: [range],
    } = await db.query<{ from: Date; to: Date }>(
      'SELECT min(occurred_at) AS from, max(occurred_at) AS to FROM events',
    );
    await db.query('DELETE FROM audit_log');
    const { scheduled } = await commands.execute(
      new ReplayEventsCommand(staff, {
        consumer: 'audit',
        from: range.from.toISOString(),
        to: new Date(range.to.getTime() + 1).toISOString(),
      }),
    );
    expect(scheduled).toBeGreaterThanOrEqual(before);
    // Everything back, nothing twice (the audit log is keyed by event id).
    await eventually(
      async () => (await count('SELECT count(*)::int AS n FROM audit_log')) >= before,
    );
    await drained();
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(
      await count('SELECT count(*)::int AS n FROM events'),
    );
  });

  it('refuses a range that ends before it starts, naming the field', async () => {
    expect(
      () =>
        new ReplayEventsCommand(staff, {
          consumer: 'audit',
          from: '2026-02-01T00:00:00Z',
          to: '2026-01-01T00:00:00Z',
        }),
    ).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});
