import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddTeamMemberCommand,
  DeleteTeamCommand,
  GetTeamQuery,
  ListTeamMembersQuery,
  memberViewSchema,
  RemoveTeamMemberCommand,
  teamMemberInput,
  teamViewSchema,
  UpdateTeamCommand,
  updateTeamInput,
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

@ApiTags('teams')
@ApiBearerAuth()
@V2Controller('teams')
export class TeamsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':teamId')
  @ApiOperation({ summary: 'One team' })
  @ApiJson(200, 'The team', teamViewSchema)
  @ApiProblems(401, 404)
  get(@CurrentUser() actor: UserActor, @Param('teamId') teamId: string) {
    return this.queries.execute(new GetTeamQuery(actor, teamId));
  }

  @Patch(':teamId')
  @ApiOperation({ summary: 'Rename a team (owners, admins)' })
  @ApiJsonBody(updateTeamInput, { omit: ['teamId'] })
  @ApiJson(200, 'The team', teamViewSchema)
  @ApiProblems(400, 401, 403, 404)
  update(@CurrentUser() actor: UserActor, @Param('teamId') teamId: string, @Body() body: unknown) {
    return this.commands.execute(new UpdateTeamCommand(actor, bodyWith(body, { teamId })));
  }

  @Delete(':teamId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a team (owners, admins); an account keeps at least one' })
  @ApiNoContent('Deleted')
  @ApiProblems(401, 403, 404, 409)
  async remove(@CurrentUser() actor: UserActor, @Param('teamId') teamId: string) {
    await this.commands.execute(new DeleteTeamCommand(actor, { teamId }));
  }

  @Get(':teamId/members')
  @ApiOperation({ summary: 'Members of the team' })
  @ApiPagination()
  @ApiPage('A page of members', memberViewSchema)
  @ApiProblems(400, 401, 404)
  members(
    @CurrentUser() actor: UserActor,
    @Param('teamId') teamId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListTeamMembersQuery(actor, teamId, query));
  }

  @Post(':teamId/members')
  @ApiOperation({ summary: 'Add a member of the account to the team (owners, admins)' })
  @ApiJsonBody(teamMemberInput, { omit: ['teamId'] })
  @ApiJson(201, 'The member', memberViewSchema)
  @ApiProblems(400, 401, 403, 404)
  addMember(
    @CurrentUser() actor: UserActor,
    @Param('teamId') teamId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new AddTeamMemberCommand(actor, bodyWith(body, { teamId })));
  }

  @Delete(':teamId/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member from the team (owners, admins; anyone may leave)' })
  @ApiNoContent('Removed')
  @ApiProblems(401, 403, 404)
  async removeMember(
    @CurrentUser() actor: UserActor,
    @Param('teamId') teamId: string,
    @Param('userId') userId: string,
  ) {
    await this.commands.execute(new RemoveTeamMemberCommand(actor, { teamId, userId }));
  }
}
