import { Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetUsageQuery, usageViewSchema } from '@dailies/core';
import { UserActor } from '@dailies/events';
import { ApiJson, ApiProblems, CurrentUser } from '@dailies/http';
import { V2Controller } from '../v2-controller';

@ApiTags('usage')
@ApiBearerAuth()
@V2Controller('accounts')
export class UsageController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId/usage')
  @ApiOperation({ summary: "The account's storage and file count against its limit (members)" })
  @ApiJson(200, 'The usage', usageViewSchema)
  @ApiProblems(401, 404)
  get(@CurrentUser() actor: UserActor, @Param('accountId') accountId: string) {
    return this.queries.execute(new GetUsageQuery(actor, accountId));
  }
}
