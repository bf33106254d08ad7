import { Controller, Get, Injectable, Logger, Optional, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DatabaseListener, DatabaseWatchdog, SqlPool } from '@dailies/db';
import type { FastifyReply } from 'fastify';

/** What a check finds; `detail` goes to the log only, never into an answer. */
export type CheckResult = { status: 'ok' | 'degraded' | 'down'; detail?: string };

/** What /health/ready answers: the overall status and each check's status by name. */
export interface ReadinessReport {
  status: CheckResult['status'];
  checks: Record<string, { status: CheckResult['status'] }>;
}

/**
 * Readiness checks: the database, plus whatever other modules register (e.g. event lag, live
 * listening). The answer names each check and its status only: error texts carry addresses,
 * user names and versions that a probe endpoint open to anyone must not reveal; they are
 * logged when a check's status changes.
 */
@Injectable()
export class Readiness {
  private readonly checks = new Map<string, () => Promise<CheckResult>>();
  private readonly lastStatus = new Map<string, CheckResult['status']>();
  private readonly log = new Logger('Readiness');

  constructor(
    sql: SqlPool,
    @Optional() watchdog?: DatabaseWatchdog,
    @Optional() listener?: DatabaseListener,
  ) {
    this.register('database', async () => {
      // Not ready from the watchdog's first unanswered ping until PostgreSQL answers again.
      if (watchdog && !watchdog.available) return { status: 'down', detail: 'no answer to pings' };
      await sql.query('SELECT 1');
      return { status: 'ok' };
    });
    // Live updates, event wake-ups and cache invalidations hear nothing until it listens again.
    this.register('listener', async () =>
      listener?.inUse && !listener.listening
        ? { status: 'down', detail: 'LISTEN connection lost; reconnecting' }
        : { status: 'ok' },
    );
  }

  register(name: string, check: () => Promise<CheckResult>): void {
    this.checks.set(name, check);
  }

  async run(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        let result: CheckResult;
        try {
          result = await withTimeout(check(), 2000);
        } catch (error) {
          result = {
            status: 'down',
            detail: error instanceof Error ? error.message : String(error),
          };
        }
        this.noteChange(name, result);
        return [name, { status: result.status }] as const;
      }),
    );
    const checks = Object.fromEntries(entries);
    const statuses = Object.values(checks).map((c) => c.status);
    const status = statuses.includes('down')
      ? 'down'
      : statuses.includes('degraded')
        ? 'degraded'
        : 'ok';
    return { status, checks };
  }

  private noteChange(name: string, result: CheckResult): void {
    const before = this.lastStatus.get(name) ?? 'ok';
    this.lastStatus.set(name, result.status);
    if (before === result.status) return;
    const detail = result.detail ? `: ${result.detail}` : '';
    if (result.status === 'ok') this.log.log(`Readiness check ${name} is ok again`);
    else this.log.warn(`Readiness check ${name} is ${result.status}${detail}`);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref(),
    ),
  ]);
}

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** 200 while the instance can serve (also when degraded), 503 when a dependency is down. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.readiness.run();
    if (result.status === 'down') void reply.status(503);
    return result;
  }
}
