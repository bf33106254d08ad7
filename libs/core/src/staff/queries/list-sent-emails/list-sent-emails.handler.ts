import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { requireStaff } from '../../rules/staff-policy';
import { ListSentEmailsQuery } from './list-sent-emails.query';

export interface SentEmailView {
  kind: string;
  recipient: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

@QueryHandler(ListSentEmailsQuery)
export class ListSentEmailsHandler implements IQueryHandler<ListSentEmailsQuery, SentEmailView[]> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor, limit }: ListSentEmailsQuery): Promise<SentEmailView[]> {
    requireStaff(actor);
    const rows = await this.prisma.emailDelivery.findMany({
      orderBy: { createdAt: 'desc' },
      take: Math.min(Math.max(limit, 1), 200),
    });
    return rows.map((row) => {
      const message = row.message as { subject?: unknown } | null;
      return {
        kind: row.kind,
        recipient: row.recipient,
        subject: typeof message?.subject === 'string' ? message.subject : '',
        status: row.status,
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt,
        sentAt: row.sentAt,
      };
    });
  }
}
