import { Injectable } from '@nestjs/common';
import { AttemptBudget, AttemptBudgets } from '../../../shared/attempt-budgets';

/** Wrong review passwords allowed per link and IP within one throttle window. */
export const REVIEW_PASSWORD_MAX_FAILURES = 10;

/** Wrong review passwords allowed per link, from all IPs together, within one window. */
export const REVIEW_PASSWORD_MAX_FAILURES_PER_LINK = 100;

/** Wrong review passwords allowed across all links and IPs within one window. */
export const REVIEW_PASSWORD_MAX_FAILURES_GLOBAL = 1000;

/** Anonymous comments accepted per link and IP within one throttle window (against spam). */
export const REVIEW_COMMENTS_PER_WINDOW = 60;

/**
 * Throttles what anonymous visitors of a review link can do, with AttemptBudgets (counted before
 * judged, shared by every instance): password guesses per link and IP, per link (a guess spread
 * over many addresses) and across all links (a guess spread over many links); and comments per
 * link and IP (every comment counts). A right password clears its link-and-IP budget and gives
 * its attempt back to the others.
 */
@Injectable()
export class ReviewLinkThrottle {
  constructor(private readonly budgets: AttemptBudgets) {}

  private passwordBudgets(reviewLinkId: string, ip: string | undefined): AttemptBudget[] {
    return [
      {
        key: `review:${reviewLinkId}:${ip ?? 'unknown'}`,
        max: REVIEW_PASSWORD_MAX_FAILURES,
        clearOnSuccess: true,
      },
      {
        key: `review-link:${reviewLinkId}`,
        max: REVIEW_PASSWORD_MAX_FAILURES_PER_LINK,
        clearOnSuccess: false,
      },
      { key: 'review-global', max: REVIEW_PASSWORD_MAX_FAILURES_GLOBAL, clearOnSuccess: false },
    ];
  }

  /** Before a password is checked: counts it, or refuses it (429) unchecked. */
  async takePasswordAttempt(reviewLinkId: string, ip: string | undefined): Promise<void> {
    await this.budgets.take(
      this.passwordBudgets(reviewLinkId, ip),
      'Too many wrong passwords for this review link; try again later',
    );
  }

  async passwordAccepted(reviewLinkId: string, ip: string | undefined): Promise<void> {
    await this.budgets.succeeded(this.passwordBudgets(reviewLinkId, ip));
  }

  private commentBudget(reviewLinkId: string, ip: string | undefined): AttemptBudget[] {
    return [
      {
        key: `review-comment:${reviewLinkId}:${ip ?? 'unknown'}`,
        max: REVIEW_COMMENTS_PER_WINDOW,
        clearOnSuccess: false,
      },
    ];
  }

  /** Before an anonymous comment: counts it, or refuses it (429) when this IP posted too many. */
  async takeComment(reviewLinkId: string, ip: string | undefined): Promise<void> {
    await this.budgets.take(
      this.commentBudget(reviewLinkId, ip),
      'Too many comments through this review link from here; try again later',
    );
  }

  /** The comment was refused after all: only stored comments count. */
  async commentNotStored(reviewLinkId: string, ip: string | undefined): Promise<void> {
    await this.budgets.giveBack(this.commentBudget(reviewLinkId, ip));
  }
}
