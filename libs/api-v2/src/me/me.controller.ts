import { Body, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateApiTokenCommand,
  createApiTokenInput,
  GetMeQuery,
  ListApiTokensQuery,
  RevokeApiTokenCommand,
} from '@dailies/core';
import { UserActor } from '@dailies/events';
import {
  ApiJson,
  ApiJsonBody,
  ApiPagination,
  ApiProblems,
  bodyWith,
  CurrentUser,
  pageOf,
} from '@dailies/http';
import { accountSchema, apiTokenSchema, userSchema } from '../schemas';
import { V2Controller } from '../v2-controller';

@ApiTags('me')
@ApiBearerAuth()
@V2Controller('me')
export class MeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The caller, with their accounts and role in each' })
  @ApiJson(200, 'The user', {
    ...userSchema,
    properties: { ...userSchema.properties, accounts: { type: 'array', items: accountSchema } },
  })
  @ApiProblems(401)
  me(@CurrentUser() actor: UserActor) {
    return this.queries.execute(new GetMeQuery(actor));
  }

  @Post('api-tokens')
  @ApiOperation({ summary: 'Create a personal API token (the secret is shown once)' })
  @ApiJsonBody(createApiTokenInput)
  @ApiJson(201, 'The token, with its secret', apiTokenSchema)
  @ApiProblems(400, 401, 403)
  createApiToken(@CurrentUser() actor: UserActor, @Body() body: unknown) {
    return this.commands.execute(new CreateApiTokenCommand(actor, bodyWith(body)));
  }

  @Get('api-tokens')
  @ApiOperation({ summary: 'My active API tokens, with when each was last used' })
  @ApiPagination()
  @ApiJson(200, 'A page of tokens', pageOf(apiTokenSchema))
  @ApiProblems(400, 401)
  listApiTokens(@CurrentUser() actor: UserActor, @Query() query: Record<string, string>) {
    return this.queries.execute(new ListApiTokensQuery(actor, query));
  }

  @Delete('api-tokens/:tokenId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API token' })
  @ApiJson(204, 'Revoked')
  @ApiProblems(401, 404)
  async revokeApiToken(@CurrentUser() actor: UserActor, @Param('tokenId') tokenId: string) {
    await this.commands.execute(new RevokeApiTokenCommand(actor, { tokenId }));
  }
}
