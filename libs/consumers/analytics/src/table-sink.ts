import { isUuid, Prisma, PrismaService } from '@dailies/db';
import type { AnalyticsSink } from './analytics-sink';
import type { TrackRecord } from './track-record';

/**
 * The default sink: rows in analytics_events, for a warehouse loader to pick up. One INSERT per
 * batch; ON CONFLICT (message_id) DO NOTHING drops redeliveries.
 */
export class TableSink implements AnalyticsSink {
  constructor(private readonly prisma: PrismaService) {}

  async send(batch: readonly TrackRecord[]): Promise<void> {
    await this.prisma.analyticsEvent.createMany({
      data: batch.map((r) => ({
        messageId: r.messageId,
        event: r.event,
        userId: r.userId ?? null,
        anonymousId: r.anonymousId ?? null,
        accountId: accountIdOf(r),
        properties: r.properties as Prisma.InputJsonObject,
        timestamp: new Date(r.timestamp),
      })),
      skipDuplicates: true,
    });
  }
}

function accountIdOf(record: TrackRecord): string | null {
  const id = record.properties.accountId;
  return typeof id === 'string' && isUuid(id) ? id : null;
}
