import { Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { auditEntryViewSchema, ListAuditLogQuery } from '@dailies/core';
import { UserActor } from '@dailies/events';
import { ApiPage, ApiPagination, ApiProblems, CurrentUser } from '@dailies/http';
import { V2Controller } from '../v2-controller';

const time = { type: 'string', format: 'date-time' };

@ApiTags('audit')
@ApiBearerAuth()
@V2Controller('accounts')
export class AuditLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId/audit-log')
  @ApiOperation({ summary: "The account's audit log, newest first (owners, admins)" })
  @ApiQuery({
    name: 'action',
    required: false,
    schema: { type: 'string' },
    description: 'An event name (comment.created) or a prefix (comment.*)',
  })
  @ApiQuery({ name: 'actorId', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'subjectType', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'subjectId', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'from', required: false, schema: time, description: 'Inclusive' })
  @ApiQuery({ name: 'to', required: false, schema: time, description: 'Exclusive' })
  @ApiPagination()
  @ApiPage('A page of audit entries', auditEntryViewSchema)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentUser() actor: UserActor,
    @Param('accountId') accountId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListAuditLogQuery(actor, accountId, query));
  }
}
