import { html, SafeHtml } from '../templates/html';
import { fill } from '../templates/strings/email-strings';
import { stringsFor } from '../templates/strings/locales';
import { EmailTx } from '../sql-executor';
import { suppressAddress } from '../suppression-list';
import { UnsubscribeClaim, UnsubscribeTokens } from './unsubscribe-token';

export class InvalidUnsubscribeToken extends Error {
  constructor() {
    super(stringsFor(null).unsubscribePage.invalid);
  }
}

/**
 * One-click unsubscribe, independent of the HTTP framework. GET only shows a confirmation page
 * with a POST form — link scanners and prefetchers follow GETs, so a GET must change nothing
 * (RFC 8058 §4); POST (from the form, or the mailbox provider's one-click request) unsubscribes.
 */
export class UnsubscribeHandler {
  constructor(
    private readonly tokens: UnsubscribeTokens,
    private readonly withTx: <T>(work: (tx: EmailTx) => Promise<T>) => Promise<T>,
  ) {}

  /** The confirmation page (HTML) for a valid token; throws InvalidUnsubscribeToken otherwise. */
  page(token: string | undefined): string {
    const claim = this.claim(token);
    const s = stringsFor(null).unsubscribePage;
    return page(
      s.title,
      html`<p>${fill(s.confirm, { list: claim.list, email: claim.email })}</p>
        <form method="post" action="?token=${token ?? ''}">
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit">${s.button}</button>
        </form>`,
    );
  }

  /** Adds the address to the list's suppressions; repeating it is harmless. */
  async unsubscribe(token: string | undefined): Promise<string> {
    const claim = this.claim(token);
    await this.withTx((tx) =>
      suppressAddress(tx, claim.email, 'unsubscribe', {
        list: claim.list,
        detail: `user ${claim.userId}`,
      }),
    );
    const s = stringsFor(null).unsubscribePage;
    return page(s.title, html`<p>${fill(s.done, { list: claim.list, email: claim.email })}</p>`);
  }

  private claim(token: string | undefined): UnsubscribeClaim {
    const claim = token ? this.tokens.verify(token) : null;
    if (!claim) throw new InvalidUnsubscribeToken();
    return claim;
  }
}

function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html>
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
      </head>
      <body style="font-family:Helvetica,Arial,sans-serif;max-width:480px;margin:48px auto">
        <h1>${title}</h1>
        ${body}
      </body>
    </html> `.value;
}
