import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '@dailies/db';
import { AttemptBudget, AttemptBudgets } from '../../../shared/attempt-budgets';
import { CORE_OPTIONS, CoreOptions } from '../../../shared/core-options';

/**
 * Password-login budgets (AttemptBudgets: counted before judged, doubling blocks), kept in
 * PostgreSQL so every instance shares them:
 * - per account AND client IP (`LOGIN_MAX_FAILURES_PER_EMAIL`): guessing one account's password
 *   from one address. It is per IP on purpose: an attacker who spends it blocks only their own
 *   address, and the victim still signs in from theirs.
 * - per client IP (`LOGIN_MAX_FAILURES_PER_IP`): one address guessing across many accounts.
 * - per account across every address it has NOT signed in from before
 *   (`LOGIN_MAX_FAILURES_PER_USER`): one account guessed from many addresses. Addresses where
 *   the right password was given before (`login_known_sources`) are not subject to it, so an
 *   attacker who spends it cannot lock the user out of the places they use; from a new address
 *   the user waits out the (doubling, at most a day) block like the attacker.
 * A successful login clears the account's budget at that IP, gives its attempt back to the
 * others and remembers the address as known.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly prisma: PrismaService,
    private readonly budgets: AttemptBudgets,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  private of(email: string, address: string, known: boolean): AttemptBudget[] {
    const budgets: AttemptBudget[] = [
      {
        key: `login:account:${email}:ip:${address}`,
        max: this.options.loginMaxFailuresPerEmail,
        clearOnSuccess: true,
      },
      {
        key: `login:ip:${address}`,
        max: this.options.loginMaxFailuresPerIp,
        clearOnSuccess: false,
      },
    ];
    if (!known)
      budgets.push({
        key: `login:account:${email}:unknown-sources`,
        max: this.options.loginMaxFailuresPerUser,
        // A success elsewhere must not hand an attacker a fresh budget.
        clearOnSuccess: false,
      });
    return budgets;
  }

  /**
   * Counts this attempt, or refuses it (429) without it being evaluated. Returns the budgets it
   * took, for `succeeded`. The same query runs for unknown emails (nothing is known for them).
   */
  async take(email: string, ip: string | undefined): Promise<AttemptBudget[]> {
    const address = ip ?? 'unknown';
    const lower = email.toLowerCase();
    const known = ip !== undefined && (await this.isKnownSource(lower, address));
    const budgets = this.of(lower, address, known);
    await this.budgets.take(budgets, 'Too many failed logins; try again later');
    return budgets;
  }

  /** The password was right: give the attempt back and remember the address. */
  async succeeded(
    userId: string,
    ip: string | undefined,
    taken: readonly AttemptBudget[],
  ): Promise<void> {
    await this.budgets.succeeded(taken);
    if (ip === undefined) return;
    await this.prisma.$executeRaw`
      INSERT INTO login_known_sources (user_id, ip) VALUES (${userId}::uuid, ${ip})
      ON CONFLICT (user_id, ip) DO UPDATE SET last_success_at = now()`;
  }

  private async isKnownSource(email: string, ip: string): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ known: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM login_known_sources k JOIN users u ON u.id = k.user_id
         WHERE u.email = ${email} AND k.ip = ${ip}) AS known`;
    return rows[0]?.known ?? false;
  }
}
