import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '@dailies/db';
import { CORE_OPTIONS, CoreOptions } from '../../../shared/core-options';
import { DomainError } from '../../../shared/errors';

/** Wrong review passwords allowed per link and IP within one throttle window. */
export const REVIEW_PASSWORD_MAX_FAILURES = 10;

/** Anonymous comments accepted per link and IP within one throttle window (against spam). */
export const REVIEW_COMMENTS_PER_WINDOW = 60;

/**
 * Throttles what anonymous visitors of a review link can do, per link and client IP, in the table
 * the login throttle uses (shared by every instance): guessing its password (failures counted)
 * and posting comments (every comment counted). Reaching a limit blocks that IP on that link for
 * one window (429 with Retry-After).
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

  private commentKey(reviewLinkId: string, ip: string | undefined): string {
    return `review-comment:${reviewLinkId}:${ip ?? 'unknown'}`;
  }

  async assertNotBlocked(reviewLinkId: string, ip: string | undefined): Promise<void> {
    await this.refuseIfBlocked(
      this.key(reviewLinkId, ip),
      'Too many wrong passwords for this review link; try again later',
    );
  }

  async recordFailure(reviewLinkId: string, ip: string | undefined): Promise<void> {
    await this.count(this.key(reviewLinkId, ip), REVIEW_PASSWORD_MAX_FAILURES);
  }

  /** Before an anonymous comment: refused while this IP posted too many on this link. */
  async assertMayComment(reviewLinkId: string, ip: string | undefined): Promise<void> {
    await this.refuseIfBlocked(
      this.commentKey(reviewLinkId, ip),
      'Too many comments through this review link from here; try again later',
    );
  }

  /** After an anonymous comment was stored. */
  async recordComment(reviewLinkId: string, ip: string | undefined): Promise<void> {
    await this.count(this.commentKey(reviewLinkId, ip), REVIEW_COMMENTS_PER_WINDOW);
  }

  private async refuseIfBlocked(key: string, message: string): Promise<void> {
    const rows = await this.prisma.$queryRaw<{ retry: number }[]>`
      SELECT ceil(extract(epoch FROM blocked_until - now()))::int AS retry
      FROM login_throttles WHERE key = ${key} AND blocked_until > now()`;
    const retry = rows[0]?.retry;
    if (retry && retry > 0) {
      throw new DomainError('rate_limited', message, { retryAfterSeconds: retry });
    }
  }

  private async count(key: string, max: number): Promise<void> {
    const window = this.options.loginThrottleWindowSeconds;
    // A count after the window restarts it; reaching max blocks for a whole window.
    await this.prisma.$executeRaw`
      INSERT INTO login_throttles AS t (key, failures, window_started_at, blocked_until)
      VALUES (${key}, 1, now(), NULL)
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
