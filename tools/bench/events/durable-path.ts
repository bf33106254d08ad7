import crypto from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { AnalyticsConsumer } from '@dailies/consumer-analytics';
import { AuditConsumer } from '@dailies/consumer-audit';
import { CacheInvalidationConsumer } from '@dailies/consumer-cache';
import { NotificationsConsumer } from '@dailies/consumer-notifications';
import { UsageConsumer } from '@dailies/consumer-usage';
import { CreateCommentCommand } from '@dailies/core';
import { ConsumerDirectory, DomainEvent, UnitOfWork } from '@dailies/events';
import { startPlatform } from '@dailies/platform';
import { ApiV2Module } from '@dailies/api-v2';

type Handle = (event: DomainEvent, ...rest: unknown[]) => Promise<void>;

/** Records when each consumer finished each event (instrumentation of the five real consumers). */
function instrument(done: Map<string, number[]>) {
  for (const consumer of [
    AuditConsumer,
    AnalyticsConsumer,
    UsageConsumer,
    NotificationsConsumer,
    CacheInvalidationConsumer,
  ]) {
    const proto = consumer.prototype as unknown as { handle: Handle };
    const original = proto.handle;
    proto.handle = async function (this: unknown, event: DomainEvent, ...rest: unknown[]) {
      await original.call(this, event, ...rest);
      const times = done.get(event.id) ?? [];
      times.push(performance.now());
      done.set(event.id, times);
    };
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * (b) The durable path: the whole platform in this process on a real PostgreSQL, the five real
 * consumers, `commands` CreateComment commands from `workers` concurrent callers. Measures
 * commands committed and fully handled per second (first commit → last consumer done), and
 * per event the time from commit to its last consumer.
 */
export async function durablePath(
  databaseUrl: string,
  commands: number,
  workers: number,
  /** Called once the set-up is done, right before the measured commands start. */
  onStart: () => void = () => undefined,
) {
  const done = new Map<string, number[]>();
  instrument(done);
  const platform = await startPlatform({
    features: [ApiV2Module],
    env: {
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      MIGRATE_ON_START: 'false',
      NODE_ENV: 'production',
      // Production refuses to keep its signing key in the database: give it one, as bench:api does.
      JWT_SECRET: crypto.randomBytes(32).toString('hex'),
      // A batch leaves at 100 records or after this long: the tail of a run waits for it.
      ANALYTICS_FLUSH_MS: '100',
      DB_POOL_SIZE: '16',
      EVENTS_DELIVER: process.env.BENCH_DELIVER ?? 'true',
    },
  });
  try {
    const http = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${platform.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, never>>;
    };
    const owner = await http('/v2/auth/signup', {
      email: `bench-${Date.now()}@example.com`,
      password: 'bench-password-2026',
      name: 'Bench',
    });
    const token = owner.accessToken as string;
    const project = await http(`/v2/teams/${owner.teamId}/projects`, { name: 'Bench' }, token);
    const file = await http(
      `/v2/assets/${project.rootAssetId}/children`,
      { type: 'file', name: 'shot.mov', filetype: 'video/quicktime', filesize: 1000 },
      token,
    );
    const actor = { type: 'user' as const, id: (owner.user as { id: string }).id };

    const directory = platform.app.get(ConsumerDirectory, { strict: false });
    const committedAt = new Map<string, { at: number; consumers: number }>();
    const uow = platform.app.get(UnitOfWork, { strict: false });
    const subscription = uow.committed$.subscribe((events) => {
      const at = performance.now();
      for (const event of events) {
        committedAt.set(event.id, {
          at,
          consumers: directory.subscribersOf(event.eventName).length,
        });
      }
    });
    const bus = platform.app.get(CommandBus);
    let next = 0;
    onStart();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < commands) {
          const n = next++;
          await bus.execute(
            new CreateCommentCommand(actor, {
              assetId: file.id,
              text: `Bench note ${n}`,
              timestamp: n % 2000,
            }),
          );
        }
      }),
    );
    const committedMs = performance.now() - started;
    if (process.env.BENCH_DELIVER === 'false') {
      // Commits only (no consumers in this process): the write path's own ceiling.
      subscription.unsubscribe();
      const rate = (commands / committedMs) * 1000;
      return {
        commands,
        events: committedAt.size,
        complete: false,
        committedPerSecond: rate,
        handledPerSecond: 0,
        p50: 0,
        p95: 0,
        p99: 0,
      };
    }
    const complete = () =>
      [...committedAt].every(([id, c]) => (done.get(id)?.length ?? 0) >= c.consumers);
    const deadline = Date.now() + 120_000;
    while (!complete() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    subscription.unsubscribe();
    const latencies: number[] = [];
    let lastDone = started;
    for (const [id, c] of committedAt) {
      const times = done.get(id) ?? [];
      const last = Math.max(...times);
      lastDone = Math.max(lastDone, last);
      latencies.push(last - c.at);
    }
    latencies.sort((a, b) => a - b);
    return {
      commands,
      events: committedAt.size,
      complete: complete(),
      committedPerSecond: (commands / committedMs) * 1000,
      handledPerSecond: (commands / (lastDone - started)) * 1000,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    };
  } finally {
    await platform.close();
  }
}
