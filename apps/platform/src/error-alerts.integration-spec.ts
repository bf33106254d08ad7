import 'reflect-metadata';
import {
  Controller,
  Get,
  Injectable,
  Module,
  OnModuleInit,
  Param,
  UseFilters,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Client } from 'pg';
import { ErrorAlerts, resolveErrorGroup } from '@dailies/alerting';
import { GraphqlModule } from '@dailies/api-graphql';
import { LegacyErrorFilter } from '@dailies/api-v1';
import { Query, Resolver } from '@nestjs/graphql';
import { ProblemDetailsFilter } from '@dailies/http';
import { TestClock } from '@dailies/jobs';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { Pool } from 'pg';

/** A transport with one route that fails the way a bug does: an unexpected error. */
@Controller('broken')
@UseFilters(ProblemDetailsFilter)
class BrokenController {
  @Get('orders/:n')
  order(@Param('n') n: string): never {
    throw new TypeError(`order ${n} of account 0192f3c4-aaaa-7bbb-8ccc-1234567890ab has no total`);
  }
  @Get('other')
  other(): never {
    throw new RangeError('a different bug');
  }
}

/** The same bug behind the legacy filter (the Munger's routes). */
@Controller('broken-v1')
@UseFilters(LegacyErrorFilter)
class BrokenLegacyController {
  @Get()
  list(): never {
    throw new SyntaxError('legacy record 17 is not JSON');
  }
}

/** And behind GraphQL's error formatter. */
@Resolver()
class BrokenResolver {
  @Query(() => String, { description: 'test only: fails like a bug' })
  brokenForAlerts(): string {
    throw new EvalError('resolver 3 lost its loader');
  }
}

/** And in a Fastify hook, before any Nest filter could see it. */
@Injectable()
class BrokenHook implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request) => {
      if (request.url === '/broken-hook' || request.url === '/health/live?trip=1')
        throw new URIError('hook 9 tripped');
    });
  }
}

@Module({
  controllers: [BrokenController, BrokenLegacyController],
  providers: [BrokenResolver, BrokenHook],
})
class BrokenFeatureModule {}

// The default: ten minutes on the test clock, which the test moves (a loaded machine's slow burst
// stays within one window).
const WINDOW_MS = 600_000;

async function eventually<T>(read: () => Promise<T> | T, done: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`eventually: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('alerting on uncaught errors (real HTTP, PostgreSQL and SMTP)', () => {
  let platform: TestPlatform;
  let http: TestClient;
  let db: Client;
  const ops = 'ops@example.com';
  const clock = new TestClock(new Date());
  /** The window passes: the summary timer (on the test clock) fires. */
  const windowPasses = () => clock.tick(WINDOW_MS + 60_000); // two timer periods past it

  beforeAll(async () => {
    platform = await startTestPlatform(
      [GraphqlModule, BrokenFeatureModule],
      {
        ALERT_EMAILS: `${ops}, oncall@example.com`,
        ALERT_WINDOW_MS: String(WINDOW_MS),
      },
      { clock },
    );
    http = new TestClient(platform.baseUrl);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  const mailsTo = (address: string) =>
    platform.mail!.received.filter((_, i) => platform.mail!.envelopes[i].to.includes(address));

  it('mails a burst of 1,000 identical errors at most twice: at once, then one summary', async () => {
    for (let batch = 0; batch < 1000; batch += 50) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => http.get(`/broken/orders/${batch + i}`)),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(500);
        expect(JSON.stringify(answer.body)).not.toMatch(/TypeError|has no total/);
      }
    }
    const first = await eventually(
      () => mailsTo(ops),
      (m) => m.length >= 1,
    );
    expect(first[0].subject).toMatch(/new: TypeError: order <n> of account <uuid> has no total/);
    // Grouped by the project's own frames, without line numbers; nothing from the request quoted.
    expect(first[0].text).toContain(
      'at BrokenController.order apps/platform/src/error-alerts.integration-spec.ts',
    );
    expect(first[0].text).not.toMatch(/order \d+|0192f3c4/);
    const groups = await eventually(
      async () =>
        (
          await db.query<{ occurrences: string; alerted: string }>(
            `SELECT occurrences, alerted_occurrences AS alerted FROM error_groups`,
          )
        ).rows,
      (rows) => rows.length === 1 && rows[0].occurrences === '1000',
    );
    expect(groups).toHaveLength(1);

    // Nothing more within the window, however long the burst went on.
    await sleep(500);
    expect(mailsTo(ops)).toHaveLength(1);
    // The summary comes once the window is over, and it is the last mail for this burst.
    await windowPasses();
    const both = await eventually(
      () => mailsTo(ops),
      (m) => m.length >= 2,
    );
    expect(both[1].subject).toMatch(/\d+ more occurrences: TypeError: order <n>/);
    expect(both[1].text).toContain(`1000 in total`);
    await windowPasses();
    await sleep(500);
    expect(mailsTo(ops)).toHaveLength(2);
    expect(mailsTo('oncall@example.com')).toHaveLength(2);
    const row = await db.query(`SELECT occurrences, alerted_occurrences FROM error_groups`);
    expect(row.rows[0]).toEqual({ occurrences: '1000', alerted_occurrences: '1000' });
  }, 90_000);

  it('alerts a resolved group again when it comes back (a regression)', async () => {
    await windowPasses();
    const before = mailsTo(ops).length;
    const { rows } = await db.query<{ fingerprint: string }>(
      `SELECT fingerprint FROM error_groups`,
    );
    const pool = new Pool({ connectionString: platform.databaseUrl });
    try {
      expect(await resolveErrorGroup(pool, rows[0].fingerprint)).toBe(true);
    } finally {
      await pool.end();
    }
    expect((await http.get('/broken/orders/7')).status).toBe(500);
    const mails = await eventually(
      () => mailsTo(ops),
      (m) => m.length > before,
    );
    expect(mails[before].subject).toMatch(/regressed after it was resolved: TypeError/);
    const state = await db.query(`SELECT state FROM error_groups`);
    expect(state.rows).toEqual([{ state: 'regressed' }]);
  }, 60_000);

  it('summarises a second group within the window instead of mailing it at once', async () => {
    await windowPasses(); // the regression mail's window is over
    const before = mailsTo(ops).length;
    const alerts = platform.app.get(ErrorAlerts);
    expect((await http.get('/broken/other')).status).toBe(500);
    await alerts.flush();
    await eventually(
      () => mailsTo(ops),
      (m) => m.length === before + 1,
    );
    // Within the window: a new group and more of the old one wait for one summary.
    expect((await http.get('/broken/other')).status).toBe(500);
    expect((await http.get('/broken/orders/8')).status).toBe(500);
    await alerts.flush();
    await sleep(500);
    expect(mailsTo(ops)).toHaveLength(before + 1);
    await windowPasses();
    const summary = await eventually(
      () => mailsTo(ops),
      (m) => m.length === before + 2,
    );
    expect(summary[before + 1].subject).toMatch(/\(and 1 others\)$/);
  }, 60_000);

  it('groups /v1 errors too, by source, and does not group what clients got wrong', async () => {
    const answer = await http.get('/broken-v1');
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ error: expect.any(String), code: 'internal' });
    expect((await http.get('/v2/no-such-route')).status).toBe(404);
    await platform.app.get(ErrorAlerts).flush();
    const { rows } = await db.query(
      `SELECT source, error_class, message FROM error_groups WHERE source = 'v1'`,
    );
    expect(rows).toEqual([
      { source: 'v1', error_class: 'SyntaxError', message: 'legacy record <n> is not JSON' },
    ]);
    const all = await db.query(`SELECT count(*)::int AS n FROM error_groups`);
    expect(all.rows[0].n).toBe(3); // the TypeError, the RangeError and this one; no 404
  });

  it('groups GraphQL errors with source graphql; the client gets INTERNAL_SERVER_ERROR only', async () => {
    const answer = await http.post('/graphql', { query: '{ brokenForAlerts }' });
    expect(answer.body.errors[0]).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(answer.body)).not.toMatch(/EvalError|loader/);
    await platform.app.get(ErrorAlerts).flush();
    const { rows } = await db.query(
      `SELECT error_class, message, occurrences FROM error_groups WHERE source = 'graphql'`,
    );
    expect(rows).toEqual([
      { error_class: 'EvalError', message: 'resolver <n> lost its loader', occurrences: '1' },
    ]);
  });

  it('groups a 500 from a Fastify hook (outside Nest) too, on a route and on none', async () => {
    expect((await http.get('/health/live?trip=1')).status).toBe(500);
    const answer = await http.get('/broken-hook');
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toMatch(/URIError|tripped/);
    await platform.app.get(ErrorAlerts).flush();
    const { rows } = await db.query(
      `SELECT source, message, occurrences FROM error_groups WHERE error_class = 'URIError'`,
    );
    expect(rows).toEqual([{ source: 'http', message: 'hook <n> tripped', occurrences: '2' }]);
  });
});
