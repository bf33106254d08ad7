import { Inject, Optional } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { EMAIL_CONFIG, EmailConfig, listMailbox } from '@dailies/email';
import { requireOperator } from '../../../audit/policies/operator-policy';
import { ListMailboxQuery } from './list-mailbox.query';

export interface LocalMailbox {
  /** False when mail goes to an SMTP server (then there is no local mailbox to show). */
  inUse: boolean;
  dir: string | null;
  messages: {
    date: Date;
    to: string;
    subject: string;
    messageId: string;
    kind: string | null;
    /** The text part, with every link token replaced: staff must never hold a user's link. */
    text: string | null;
  }[];
}

/** `token=<secret>` in a link, as every mailed link carries its secret (base64url characters). */
const LINK_TOKEN = /([?&]token=)[\w-]+/g;

export function redactLinkTokens(text: string): string {
  return text.replace(LINK_TOKEN, '$1[hidden]');
}

/**
 * Lists the mailbox folder (MailboxMailer's `index.jsonl`) and the text of each message from its
 * delivery row (by Message-ID) — the `.eml` files stay where they are, for a mail client.
 */
@QueryHandler(ListMailboxQuery)
export class ListMailboxHandler implements IQueryHandler<ListMailboxQuery, LocalMailbox> {
  constructor(
    private readonly prisma: PrismaService,
    @Optional() @Inject(EMAIL_CONFIG) private readonly config?: EmailConfig,
  ) {}

  async execute({ actor, limit }: ListMailboxQuery): Promise<LocalMailbox> {
    requireOperator(actor);
    if (!this.config || this.config.smtpUrl !== null)
      return { inUse: false, dir: null, messages: [] };
    const entries = (await listMailbox(this.config.mailboxDir))
      .reverse()
      .slice(0, Math.min(Math.max(limit, 1), 200));
    const deliveries = await this.prisma.emailDelivery.findMany({
      where: { messageId: { in: entries.map((e) => e.messageId) } },
      select: { messageId: true, kind: true, message: true },
    });
    const byId = new Map(deliveries.map((d) => [d.messageId, d]));
    return {
      inUse: true,
      dir: this.config.mailboxDir,
      messages: entries.map((e) => {
        const delivery = byId.get(e.messageId);
        const text = (delivery?.message as { text?: unknown } | undefined)?.text;
        return {
          date: new Date(e.date),
          to: e.to,
          subject: e.subject,
          messageId: e.messageId,
          kind: delivery?.kind ?? null,
          text: typeof text === 'string' ? redactLinkTokens(text) : null,
        };
      }),
    };
  }
}
