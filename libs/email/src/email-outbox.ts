import { EmailConfig } from './email-config';
import { enqueueEmail, EmailToSend } from './deliveries/enqueue-email';
import { composeDigest, ComposedDigest, DigestRecipient } from './digest/compose-digest';
import { DigestDecision } from './digest/digest-schedule';
import { EmailTx } from './sql-executor';
import { DigestItem } from './templates/digest-mail';
import { EmailLinks } from './templates/links';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-token';

/**
 * What the rest of the system calls: build links, record mail in the caller's transaction, and
 * compose digests — configured once (sender, public URL, unsubscribe key).
 */
export class EmailOutbox {
  readonly links: EmailLinks;

  constructor(
    private readonly config: Pick<EmailConfig, 'from' | 'publicUrl' | 'unsubscribeMailto'>,
    readonly tokens: UnsubscribeTokens,
  ) {
    this.links = new EmailLinks(config.publicUrl);
  }

  /** See enqueueEmail: true when recorded now, false when the key was already recorded. */
  enqueue(tx: EmailTx, key: string, email: EmailToSend): Promise<boolean> {
    return enqueueEmail(tx, key, email, { from: this.config.from });
  }

  /** See composeDigest: null when not due or empty. */
  composeDigest(
    recipient: DigestRecipient,
    decision: DigestDecision,
    items: readonly DigestItem[],
  ): ComposedDigest | null {
    return composeDigest(
      { links: this.links, tokens: this.tokens, unsubscribeMailto: this.config.unsubscribeMailto },
      recipient,
      decision,
      items,
    );
  }
}
