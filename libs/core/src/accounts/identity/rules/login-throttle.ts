import { Inject, Injectable } from '@nestjs/common';
import { AttemptBudget, AttemptBudgets } from '../../../shared/attempt-budgets';
import { CORE_OPTIONS, CoreOptions } from '../../../shared/core-options';

/**
 * Password-login budgets (AttemptBudgets: counted before judged, doubling blocks), kept in
 * PostgreSQL so every instance shares them:
 * - per account AND client IP (`LOGIN_MAX_FAILURES_PER_EMAIL`): guessing one account's password
 *   from one address. It is per IP on purpose: an attacker who spends it blocks only their own
 *   address, and the victim still signs in from theirs.
 * - per client IP (`LOGIN_MAX_FAILURES_PER_IP`): one address guessing across many accounts.
 * A successful login clears the account's budget at that IP and gives its attempt back to the IP.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly budgets: AttemptBudgets,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  private of(email: string, ip: string | undefined): AttemptBudget[] {
    const address = ip ?? 'unknown';
    return [
      {
        key: `login:account:${email.toLowerCase()}:ip:${address}`,
        max: this.options.loginMaxFailuresPerEmail,
        clearOnSuccess: true,
      },
      {
        key: `login:ip:${address}`,
        max: this.options.loginMaxFailuresPerIp,
        clearOnSuccess: false,
      },
    ];
  }

  /** Counts this attempt, or refuses it (429) without it being evaluated. */
  async take(email: string, ip: string | undefined): Promise<void> {
    await this.budgets.take(this.of(email, ip), 'Too many failed logins; try again later');
  }

  /** The password was right. */
  async succeeded(email: string, ip: string | undefined): Promise<void> {
    await this.budgets.succeeded(this.of(email, ip));
  }
}
