import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, Prisma, PrismaService } from '@dailies/db';
import { AccountPolicy } from '../../../accounts/account';
import { validationFailed } from '../../../shared/errors';
import { decodeCursor, Page, toPage } from '../../../shared/pagination';
import { AuditEntryView, toAuditEntryView } from '../../views/audit-entry.view';
import { AuditLogFilter, ListAuditLogQuery } from './list-audit-log.query';

/**
 * Account owners and admins read their account's audit log (members get 403, outsiders 404),
 * newest first. Keyset pagination on (occurredAt, eventId): stable while new entries arrive.
 */
@QueryHandler(ListAuditLogQuery)
export class ListAuditLogHandler implements IQueryHandler<ListAuditLogQuery, Page<AuditEntryView>> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, accountId, input }: ListAuditLogQuery): Promise<Page<AuditEntryView>> {
    await this.policy.requireManager(this.prisma, actor, accountId);
    const rows = await this.prisma.auditLogEntry.findMany({
      where: { accountId, AND: [filterOf(input), afterCursor(input.cursor)] },
      orderBy: [{ occurredAt: 'desc' }, { eventId: 'desc' }],
      take: input.limit + 1,
    });
    return toPage(
      rows,
      input.limit,
      (row) => [row.occurredAt.toISOString(), row.eventId],
      toAuditEntryView,
    );
  }
}

function filterOf(filter: AuditLogFilter): Prisma.AuditLogEntryWhereInput {
  const action = filter.action;
  return {
    ...(action?.endsWith('.*')
      ? { action: { startsWith: action.slice(0, -1) } }
      : action
        ? { action }
        : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.subjectType ? { subjectType: filter.subjectType } : {}),
    ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
    ...(filter.from || filter.to
      ? {
          occurredAt: {
            ...(filter.from ? { gte: filter.from } : {}),
            ...(filter.to ? { lt: filter.to } : {}),
          },
        }
      : {}),
  };
}

/** Entries strictly after the cursor's (occurredAt, eventId) in newest-first order. */
function afterCursor(cursor: string | undefined): Prisma.AuditLogEntryWhereInput {
  const key = decodeCursor(cursor, ['time', 'id']);
  if (!key) return {};
  const [time, eventId] = key;
  const at = typeof time === 'string' ? new Date(time) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()) || typeof eventId !== 'string' || !isUuid(eventId)) {
    throw validationFailed(
      [{ field: 'cursor', message: 'is not a cursor this API returned' }],
      'The cursor is not valid',
    );
  }
  return { OR: [{ occurredAt: { lt: at } }, { occurredAt: at, eventId: { lt: eventId } }] };
}
