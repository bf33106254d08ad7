import { EmailToSend } from '../deliveries/enqueue-email';
import { EmailLinks } from '../templates/links';
import { DigestItem, digestMail } from '../templates/digest-mail';
import { listUnsubscribeHeaders } from '../unsubscribe/list-unsubscribe-headers';
import { UnsubscribeTokens } from '../unsubscribe/unsubscribe-token';
import { DigestDecision } from './digest-schedule';

export const DIGEST_LIST = 'digest';

export interface DigestRecipient {
  userId: string;
  email: string;
  name: string;
  locale?: string | null;
  cadence: 'hourly' | 'daily';
  /** users.email_confirmed: an address nobody proved to own gets no digest (issue 12). */
  emailVerified: boolean;
}

export interface ComposedDigest {
  /** `digest:<user>:<window end>`: one digest per user and window, whatever re-runs. */
  key: string;
  email: EmailToSend;
}

export interface DigestComposerDeps {
  links: EmailLinks;
  tokens: UnsubscribeTokens;
  unsubscribeMailto: string;
}

/**
 * The digest of one user for a due window (see decideDigest), or null when there is nothing to
 * send: not due, no unread notification in the window (empty digests are never sent), or an
 * unverified address (a digest would mail project activity to whoever typed the address). The
 * caller (the digest job) loads the unread notifications of [decision.from, decision.to) and
 * passes `enqueueEmail(tx, key, email)` the result in the same transaction.
 */
export function composeDigest(
  deps: DigestComposerDeps,
  recipient: DigestRecipient,
  decision: DigestDecision,
  items: readonly DigestItem[],
): ComposedDigest | null {
  if (!decision.due || items.length === 0 || !recipient.emailVerified) return null;
  const token = deps.tokens.sign({
    userId: recipient.userId,
    email: recipient.email,
    list: DIGEST_LIST,
  });
  const unsubscribeUrl = deps.links.unsubscribe(token);
  const mail = digestMail({
    locale: recipient.locale,
    name: recipient.name,
    cadence: recipient.cadence,
    items,
    inboxUrl: deps.links.notifications(),
    unsubscribeUrl,
  });
  return {
    key: `digest:${recipient.userId}:${decision.to.toISOString()}`,
    email: {
      kind: 'digest',
      to: recipient.email,
      userId: recipient.userId,
      list: DIGEST_LIST,
      mail,
      headers: listUnsubscribeHeaders(unsubscribeUrl, deps.unsubscribeMailto),
      windowEnd: decision.to,
    },
  };
}
