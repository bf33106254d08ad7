import { Injectable } from '@nestjs/common';
import { PrismaService } from '@dailies/db';
import { Consumer, ConsumerOptions, DomainEvent, EventConsumer } from '@dailies/events';
import { AuditEntryRow, toAuditEntry } from './audit-entry';
import { insertAuditEntries } from './audit-log-writer';
import { GroupWriter } from './group-writer';

/**
 * Appends every event to the audit log. Idempotent by the event id, audit_log's primary key:
 * rows go in with INSERT … ON CONFLICT DO NOTHING, so a redelivered event adds nothing. Rows of
 * concurrent deliveries are written together (GroupWriter), hence the high concurrency: a
 * delivery waiting for its group's write costs a promise, not a connection.
 */
@Consumer()
@Injectable()
export class AuditConsumer implements EventConsumer {
  readonly options: ConsumerOptions = {
    name: 'audit',
    events: '*',
    concurrency: 256,
    bufferSize: 1024,
  };
  private readonly writer: GroupWriter<AuditEntryRow>;

  constructor(prisma: PrismaService) {
    this.writer = new GroupWriter((rows) => insertAuditEntries(prisma, rows));
  }

  handle(event: DomainEvent): Promise<void> {
    return this.writer.add(toAuditEntry(event));
  }
}
