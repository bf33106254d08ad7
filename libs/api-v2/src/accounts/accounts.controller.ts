import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  accountViewSchema,
  ChangeMemberRoleCommand,
  changeMemberRoleInput,
  createdInvitationViewSchema,
  CreateInvitationCommand,
  createInvitationInput,
  CreateTeamCommand,
  createTeamInput,
  GetAccountQuery,
  invitationViewSchema,
  ListInvitationsQuery,
  ListMembersQuery,
  ListMyAccountsQuery,
  ListTeamsQuery,
  memberViewSchema,
  RemoveMemberCommand,
  teamViewSchema,
  UpdateAccountCommand,
  updateAccountInput,
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
  CurrentUser,
} from '@dailies/http';
import { V2Controller } from '../v2-controller';

@ApiTags('accounts')
@ApiBearerAuth()
@V2Controller('accounts')
export class AccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The accounts I belong to' })
  @ApiPagination()
  @ApiPage('A page of accounts', accountViewSchema)
  @ApiProblems(400, 401)
  list(@CurrentUser() actor: UserActor, @Query() query: Record<string, string>) {
    return this.queries.execute(new ListMyAccountsQuery(actor, query));
  }

  @Get(':accountId')
  @ApiOperation({ summary: 'One account' })
  @ApiJson(200, 'The account', accountViewSchema)
  @ApiProblems(401, 404)
  get(@CurrentUser() actor: UserActor, @Param('accountId') accountId: string) {
    return this.queries.execute(new GetAccountQuery(actor, accountId));
  }

  @Patch(':accountId')
  @ApiOperation({ summary: 'Rename (owners, admins) or change plan (owner)' })
  @ApiJsonBody(updateAccountInput, { omit: ['accountId'] })
  @ApiJson(200, 'The account', accountViewSchema)
  @ApiProblems(400, 401, 403, 404)
  update(
    @CurrentUser() actor: UserActor,
    @Param('accountId') accountId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new UpdateAccountCommand(actor, bodyWith(body, { accountId })));
  }

  @Get(':accountId/members')
  @ApiOperation({ summary: 'Members of the account, in the order they joined' })
  @ApiPagination()
  @ApiPage('A page of members', memberViewSchema)
  @ApiProblems(400, 401, 404)
  members(
    @CurrentUser() actor: UserActor,
    @Param('accountId') accountId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListMembersQuery(actor, accountId, query));
  }

  @Patch(':accountId/members/:userId')
  @ApiOperation({ summary: "Change a member's role; `owner` transfers ownership (owner only)" })
  @ApiJsonBody(changeMemberRoleInput, { omit: ['accountId', 'userId'] })
  @ApiJson(200, 'The member', memberViewSchema)
  @ApiProblems(400, 401, 403, 404)
  changeRole(
    @CurrentUser() actor: UserActor,
    @Param('accountId') accountId: string,
    @Param('userId') userId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(
      new ChangeMemberRoleCommand(actor, bodyWith(body, { accountId, userId })),
    );
  }

  @Delete(':accountId/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (or leave); the owner cannot be removed' })
  @ApiNoContent('Removed')
  @ApiProblems(401, 403, 404, 409)
  async removeMember(
    @CurrentUser() actor: UserActor,
    @Param('accountId') accountId: string,
    @Param('userId') userId: string,
  ) {
    await this.commands.execute(new RemoveMemberCommand(actor, { accountId, userId }));
  }

  @Get(':accountId/teams')
  @ApiOperation({ summary: 'Teams of the account' })
  @ApiPagination()
  @ApiPage('A page of teams', teamViewSchema)
  @ApiProblems(400, 401, 404)
  teams(
    @CurrentUser() actor: UserActor,
    @Param('accountId') accountId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListTeamsQuery(actor, accountId, query));
  }

  @Post(':accountId/teams')
  @ApiOperation({ summary: 'Create a team (owners, admins); the creator joins it' })
  @ApiJsonBody(createTeamInput, { omit: ['accountId'] })
  @ApiJson(201, 'The team', teamViewSchema)
  @ApiProblems(400, 401, 403, 404)
  createTeam(
    @CurrentUser() actor: UserActor,
    @Param('accountId') accountId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new CreateTeamCommand(actor, bodyWith(body, { accountId })));
  }

  @Get(':accountId/invitations')
  @ApiOperation({ summary: 'Invitations of the account, newest first (owners, admins)' })
  @ApiPagination()
  @ApiPage('A page of invitations', invitationViewSchema)
  @ApiProblems(400, 401, 403, 404)
  invitations(
    @CurrentUser() actor: UserActor,
    @Param('accountId') accountId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListInvitationsQuery(actor, accountId, query));
  }

  @Post(':accountId/invitations')
  @ApiOperation({
    summary: 'Invite an email (optionally into a team); the answer carries the token once',
  })
  @ApiJsonBody(createInvitationInput, { omit: ['accountId'] })
  @ApiJson(201, 'The invitation with its token', createdInvitationViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  invite(
    @CurrentUser() actor: UserActor,
    @Param('accountId') accountId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new CreateInvitationCommand(actor, bodyWith(body, { accountId })));
  }
}
