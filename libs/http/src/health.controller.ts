import { Controller, Get, Injectable, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SqlPool } from '@dailies/db';
import type { FastifyReply } from 'fastify';

export type CheckResult = { status: 'ok' | 'degraded' | 'down'; detail?: string };

/** Readiness checks: the database, plus whatever other modules register (e.g. event lag). */
@Injectable()
export class Readiness {
  private readonly checks = new Map<string, () => Promise<CheckResult>>();

  constructor(sql: SqlPool) {
    this.register('database', async () => {
      await sql.query('SELECT 1');
      return { status: 'ok' };
    });
  }

  register(name: string, check: () => Promise<CheckResult>): void {
    this.checks.set(name, check);
  }

  async run(): Promise<{ status: CheckResult['status']; checks: Record<string, CheckResult> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          return [name, await withTimeout(check(), 2000)] as const;
        } catch (error) {
          return [
            name,
            { status: 'down', detail: error instanceof Error ? error.message : String(error) },
          ] as const;
        }
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
