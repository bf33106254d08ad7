import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '@dailies/db';
import { CORE_OPTIONS, CoreOptions } from '../../shared/core-options';
import { DomainError } from '../../shared/errors';

/** Wrong review passwords allowed per link and IP within one throttle window. */
export const REVIEW_PASSWORD_MAX_FAILURES = 10;

/**
 * Throttles guessing of review-link passwords: failures are counted per link and client IP in
 * the table the login throttle uses (shared by every instance); reaching the limit blocks that
 * IP on that link for one window (429 with Retry-After).
 */
@Injectable()
export class ReviewLinkThrottle {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  private key(reviewLinkId: string, ip: string | undefined): string {
    return `review:${reviewLinkId}:${ip ?? 'unknown'}`;
  }

  async assertNotBlocked(reviewLinkId: string, ip: string | undefined): Promise<void> {
    const rows = await this.prisma.$queryRaw<{ retry: number }[]>`
      SELECT ceil(extract(epoch FROM blocked_until - now()))::int AS retry
      FROM login_throttles WHERE key = ${this.key(reviewLinkId, ip)} AND blocked_until > now()`;
    const retry = rows[0]?.retry;
    if (retry && retry > 0) {
      throw new DomainError(
        'rate_limited',
        'Too many wrong passwords for this review link; try again later',
        { retryAfterSeconds: retry },
      );
    }
  }

  async recordFailure(reviewLinkId: string, ip: string | undefined): Promise<void> {
    const window = this.options.loginThrottleWindowSeconds;
    const max = REVIEW_PASSWORD_MAX_FAILURES;
    // A failure after the window restarts the count; reaching max blocks for a whole window.
    await this.prisma.$executeRaw`
      INSERT INTO login_throttles AS t (key, failures, window_started_at, blocked_until)
      VALUES (${this.key(reviewLinkId, ip)}, 1, now(), NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_started_at < now() - make_interval(secs => ${window}::int)
                        THEN 1 ELSE t.failures + 1 END,
        window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => ${window}::int)
                                 THEN now() ELSE t.window_started_at END,
        blocked_until = CASE
          WHEN t.window_started_at >= now() - make_interval(secs => ${window}::int)
               AND t.failures + 1 >= ${max}::int
          THEN now() + make_interval(secs => ${window}::int)
          ELSE t.blocked_until END`;
  }

  async reset(reviewLinkId: string, ip: string | undefined): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: this.key(reviewLinkId, ip) } });
  }
}
