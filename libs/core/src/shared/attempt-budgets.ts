import { Inject, Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@dailies/db';
import { CORE_OPTIONS, CoreOptions } from './core-options';
import { DomainError } from './errors';

/** One counter of attempts: `max` per throttle window, then blocked with a doubling delay. */
export interface AttemptBudget {
  key: string;
  max: number;
  /** After a success: forget the counter (true) or only give this attempt back (false). */
  clearOnSuccess: boolean;
}

/** The longest a budget stays blocked, however often it was spent (one day). */
const MAX_BLOCK_SECONDS = 24 * 60 * 60;

/**
 * Attempt counters in PostgreSQL (`login_throttles`), shared by every instance. An attempt is
 * COUNTED BEFORE IT IS JUDGED: one `INSERT … ON CONFLICT DO UPDATE … RETURNING` per budget takes
 * the attempt under the row lock, and the attempt that reaches `max` already sets the block, as
 * if it were going to fail — so N parallel guesses against a budget of `max` get at most `max`
 * evaluations (the others find the row blocked and are refused without being evaluated). A
 * success gives its attempt back (or clears the counter); a failure simply stays counted.
 *
 * Blocks double: the first lasts one window, each further failure after a block ends blocks
 * twice as long (capped at a day); a whole window without a block forgets the history.
 *
 * Written by hand rather than with a rate-limit library: those count requests in memory or Redis,
 * while these budgets must be shared through the database every instance already has, and must
 * be given back on success.
 */
@Injectable()
export class AttemptBudgets {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  /**
   * Takes one attempt from every budget, or none: when one is blocked, those already taken are
   * given back and the attempt is refused (429 with Retry-After) without being evaluated.
   */
  async take(budgets: readonly AttemptBudget[], refusal: string): Promise<void> {
    const taken: AttemptBudget[] = [];
    for (const budget of budgets) {
      if (await this.takeOne(budget)) {
        taken.push(budget);
        continue;
      }
      await this.giveBack(taken);
      const retry = await this.retryAfterSeconds(budgets.map((b) => b.key));
      throw new DomainError('rate_limited', refusal, { retryAfterSeconds: Math.max(1, retry) });
    }
  }

  /** The attempt succeeded: it does not count against anyone. */
  async succeeded(budgets: readonly AttemptBudget[]): Promise<void> {
    const cleared = budgets.filter((b) => b.clearOnSuccess).map((b) => b.key);
    if (cleared.length)
      await this.prisma.loginThrottle.deleteMany({ where: { key: { in: cleared } } });
    await this.giveBack(budgets.filter((b) => !b.clearOnSuccess));
  }

  private async takeOne({ key, max }: AttemptBudget): Promise<boolean> {
    const window = Prisma.sql`make_interval(secs => ${this.options.loginThrottleWindowSeconds}::int)`;
    // The window is over and no block ended within the last window: start afresh.
    const stale = Prisma.sql`(t.window_started_at < now() - ${window}
      AND (t.blocked_until IS NULL OR t.blocked_until < now() - ${window}))`;
    const count = Prisma.sql`(CASE WHEN ${stale} THEN 1 ELSE t.failures + 1 END)`;
    // Reaching max blocks for a window, each attempt beyond it for twice as long as the last.
    const block = (n: Prisma.Sql) => Prisma.sql`now() + least(
      make_interval(secs => ${MAX_BLOCK_SECONDS}::int),
      ${window} * power(2, greatest(0, ${n} - ${max}::int)))`;
    const rows = await this.prisma.$queryRaw<{ failures: number }[]>(Prisma.sql`
      INSERT INTO login_throttles AS t (key, failures, window_started_at, blocked_until)
      VALUES (${key}, 1, now(), CASE WHEN 1 >= ${max}::int THEN ${block(Prisma.sql`1`)} END)
      ON CONFLICT (key) DO UPDATE SET
        failures = ${count},
        window_started_at = CASE WHEN ${stale} THEN now() ELSE t.window_started_at END,
        blocked_until = CASE WHEN ${count} >= ${max}::int THEN ${block(count)}
                             ELSE t.blocked_until END
      WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
      RETURNING t.failures`);
    return rows.length > 0;
  }

  /** Gives one attempt back to each budget (it was not made after all, e.g. nothing was stored). */
  async giveBack(budgets: readonly AttemptBudget[]): Promise<void> {
    for (const { key, max } of budgets) {
      await this.prisma.$executeRaw`
        UPDATE login_throttles SET
          failures = greatest(failures - 1, 0),
          blocked_until = CASE WHEN failures - 1 < ${max}::int THEN NULL ELSE blocked_until END
        WHERE key = ${key}`;
    }
  }

  private async retryAfterSeconds(keys: string[]): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ retry: number | null }[]>`
      SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS retry
      FROM login_throttles WHERE key = ANY(${keys}) AND blocked_until > now()`;
    return rows[0]?.retry ?? 1;
  }
}
