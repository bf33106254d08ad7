import { Body, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  apiTokenViewSchema,
  ChangePasswordCommand,
  changePasswordInput,
  CreateApiTokenCommand,
  createApiTokenInput,
  createdApiTokenViewSchema,
  GetMeQuery,
  ListApiTokensQuery,
  meViewSchema,
  RevokeApiTokenCommand,
} from '@dailies/core';
import { UserActor } from '@dailies/events';
import {
  ApiJson,
  ApiJsonBody,
  ApiNoContent,
  ApiPage,
  ApiPagination,
  ApiProblems,
  bodyWith,
  ClientIp,
  CurrentSession,
  CurrentUser,
} from '@dailies/http';
import { z } from 'zod';
import { V2Controller } from '../v2-controller';

const passwordChangedSchema = z
  .object({ sessionsRevoked: z.int().meta({ description: 'Other sessions ended' }) })
  .meta({ id: 'PasswordChangedView' });

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
  @ApiJson(200, 'The user', meViewSchema)
  @ApiProblems(401)
  me(@CurrentUser() actor: UserActor) {
    return this.queries.execute(new GetMeQuery(actor));
  }

  @Post('password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change my password (needs the current one); every other session ends',
    description:
      'Only from a password session: API tokens get 403. The calling session stays signed in; ' +
      'every other one (REST, /v1, GraphQL subscriptions) ends at once.',
  })
  @ApiJsonBody(changePasswordInput)
  @ApiJson(200, 'Changed', passwordChangedSchema)
  @ApiProblems(400, 401, 403, 429)
  changePassword(
    @CurrentUser() actor: UserActor,
    @CurrentSession() sessionId: string | undefined,
    @ClientIp() ip: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new ChangePasswordCommand(actor, sessionId, bodyWith(body), ip));
  }

  @Post('api-tokens')
  @ApiOperation({ summary: 'Create a personal API token (the secret is shown once)' })
  @ApiJsonBody(createApiTokenInput)
  @ApiJson(201, 'The token, with its secret', createdApiTokenViewSchema)
  @ApiProblems(400, 401, 403)
  createApiToken(@CurrentUser() actor: UserActor, @Body() body: unknown) {
    return this.commands.execute(new CreateApiTokenCommand(actor, bodyWith(body)));
  }

  @Get('api-tokens')
  @ApiOperation({ summary: 'My active API tokens, with when each was last used' })
  @ApiPagination()
  @ApiPage('A page of tokens', apiTokenViewSchema)
  @ApiProblems(400, 401)
  listApiTokens(@CurrentUser() actor: UserActor, @Query() query: Record<string, string>) {
    return this.queries.execute(new ListApiTokensQuery(actor, query));
  }

  @Delete('api-tokens/:tokenId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API token' })
  @ApiNoContent('Revoked')
  @ApiProblems(401, 404)
  async revokeApiToken(@CurrentUser() actor: UserActor, @Param('tokenId') tokenId: string) {
    await this.commands.execute(new RevokeApiTokenCommand(actor, { tokenId }));
  }
}
