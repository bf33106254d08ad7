import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '@dailies/db';
import { CORE_OPTIONS, CoreOptions } from '../../../shared/core-options';
import { DomainError } from '../../../shared/errors';

/**
 * Failed-login counters per email and per IP, kept in PostgreSQL so every instance shares them.
 * Reaching the limit blocks further attempts for one window (429 with Retry-After).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  keys(email: string, ip: string | undefined): { key: string; max: number }[] {
    const keys = [
      { key: `email:${email.toLowerCase()}`, max: this.options.loginMaxFailuresPerEmail },
    ];
    if (ip) keys.push({ key: `ip:${ip}`, max: this.options.loginMaxFailuresPerIp });
    return keys;
  }

  async assertNotBlocked(email: string, ip: string | undefined): Promise<void> {
    const keys = this.keys(email, ip).map((k) => k.key);
    const rows = await this.prisma.$queryRaw<{ retry: number }[]>`
      SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS retry
      FROM login_throttles WHERE key = ANY(${keys}) AND blocked_until > now()`;
    const retry = rows[0]?.retry;
    if (retry && retry > 0) {
      throw new DomainError('rate_limited', 'Too many failed logins; try again later', {
        retryAfterSeconds: retry,
      });
    }
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    const window = this.options.loginThrottleWindowSeconds;
    for (const { key, max } of this.keys(email, ip)) {
      await this.prisma.$executeRaw`
        INSERT INTO login_throttles AS t (key, failures, window_started_at, blocked_until)
        VALUES (${key}, 1, now(), CASE WHEN 1 >= ${max}::int THEN now() + make_interval(secs => ${window}::int) END)
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN t.window_started_at < now() - make_interval(secs => ${window}::int) THEN 1 ELSE t.failures + 1 END,
          window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => ${window}::int) THEN now() ELSE t.window_started_at END,
          blocked_until = CASE
            WHEN (CASE WHEN t.window_started_at < now() - make_interval(secs => ${window}::int) THEN 1 ELSE t.failures + 1 END) >= ${max}::int
            THEN now() + make_interval(secs => ${window}::int)
            ELSE t.blocked_until END`;
    }
  }

  async reset(email: string): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: `email:${email.toLowerCase()}` } });
  }
}
