import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AddCollaboratorCommand,
  addCollaboratorInput,
  ChangeCollaboratorRoleCommand,
  changeCollaboratorRoleInput,
  collaboratorViewSchema,
  CreateProjectCommand,
  createProjectInput,
  DeleteProjectCommand,
  invitationViewSchema,
  GetProjectQuery,
  ListCollaboratorsQuery,
  ListProjectsQuery,
  projectViewSchema,
  RemoveCollaboratorCommand,
  UpdateProjectCommand,
  updateProjectInput,
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

@ApiTags('projects')
@ApiBearerAuth()
@V2Controller()
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('teams/:teamId/projects')
  @ApiOperation({
    summary: 'Create a project with its root folder (team members, account owners and admins)',
  })
  @ApiJsonBody(createProjectInput, { omit: ['teamId'] })
  @ApiJson(201, 'The project', projectViewSchema)
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentUser() actor: UserActor, @Param('teamId') teamId: string, @Body() body: unknown) {
    return this.commands.execute(new CreateProjectCommand(actor, bodyWith(body, { teamId })));
  }

  @Get('teams/:teamId/projects')
  @ApiOperation({
    summary: 'Projects of the team the caller may see, newest first',
    description:
      'Account owners and admins see every project; team members the non-private ones and ' +
      'those they own; collaborators the ones they were added to.',
  })
  @ApiPagination()
  @ApiQuery({
    name: 'archived',
    required: false,
    schema: { type: 'boolean', default: false },
    description: 'true lists the archived projects instead',
  })
  @ApiPage('A page of projects', projectViewSchema)
  @ApiProblems(400, 401, 404)
  list(
    @CurrentUser() actor: UserActor,
    @Param('teamId') teamId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListProjectsQuery(actor, teamId, query));
  }

  @Get('projects/:projectId')
  @ApiOperation({ summary: 'One project, with the caller’s access level' })
  @ApiJson(200, 'The project', projectViewSchema)
  @ApiProblems(401, 404)
  get(@CurrentUser() actor: UserActor, @Param('projectId') projectId: string) {
    return this.queries.execute(new GetProjectQuery(actor, projectId));
  }

  @Patch('projects/:projectId')
  @ApiOperation({
    summary: 'Rename, make private or public, archive or unarchive a project (managers)',
    description: 'An archived project is read-only: unarchive it (archived: false) to change it.',
  })
  @ApiJsonBody(updateProjectInput, { omit: ['projectId'] })
  @ApiJson(200, 'The project', projectViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() actor: UserActor,
    @Param('projectId') projectId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new UpdateProjectCommand(actor, bodyWith(body, { projectId })));
  }

  @Delete('projects/:projectId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a project with all its assets, comments and review links (managers)',
  })
  @ApiNoContent('Deleted')
  @ApiProblems(401, 403, 404)
  async remove(@CurrentUser() actor: UserActor, @Param('projectId') projectId: string) {
    await this.commands.execute(new DeleteProjectCommand(actor, { projectId }));
  }

  @Get('projects/:projectId/collaborators')
  @ApiOperation({ summary: 'Collaborators of the project, in the order they were added' })
  @ApiPagination()
  @ApiPage('A page of collaborators', collaboratorViewSchema)
  @ApiProblems(400, 401, 404)
  collaborators(
    @CurrentUser() actor: UserActor,
    @Param('projectId') projectId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListCollaboratorsQuery(actor, projectId, query));
  }

  @Post('projects/:projectId/collaborators')
  @ApiOperation({
    summary: 'Give a member of the account a role, or invite anyone else by email (managers)',
    description:
      'Name the person by exactly one of userId and email. A verified member of the ' +
      'project’s account is added at once (201, and told by e-mail). Anyone else named by ' +
      'email is sent an invitation to accept (202): the answer is the same whether or not the ' +
      'address has a Dailies login. A userId that is not a verified member is 400 on `userId`, ' +
      'whether or not it exists.',
  })
  @ApiJsonBody(addCollaboratorInput, { omit: ['projectId'] })
  @ApiJson(201, 'The collaborator (a member of the account)', collaboratorViewSchema)
  @ApiJson(202, 'The invitation sent (anyone else)', invitationViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  async addCollaborator(
    @CurrentUser() actor: UserActor,
    @Param('projectId') projectId: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new AddCollaboratorCommand(actor, bodyWith(body, { projectId })),
    );
    if (result.outcome === 'added') return result.collaborator;
    void reply.status(202);
    return result.invitation;
  }

  @Patch('projects/:projectId/collaborators/:userId')
  @ApiOperation({ summary: 'Change a collaborator’s role (managers)' })
  @ApiJsonBody(changeCollaboratorRoleInput, { omit: ['projectId', 'userId'] })
  @ApiJson(200, 'The collaborator', collaboratorViewSchema)
  @ApiProblems(400, 401, 403, 404)
  changeCollaboratorRole(
    @CurrentUser() actor: UserActor,
    @Param('projectId') projectId: string,
    @Param('userId') userId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(
      new ChangeCollaboratorRoleCommand(actor, bodyWith(body, { projectId, userId })),
    );
  }

  @Delete('projects/:projectId/collaborators/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a collaborator (managers; a collaborator may leave)' })
  @ApiNoContent('Removed')
  @ApiProblems(401, 403, 404)
  async removeCollaborator(
    @CurrentUser() actor: UserActor,
    @Param('projectId') projectId: string,
    @Param('userId') userId: string,
  ) {
    await this.commands.execute(new RemoveCollaboratorCommand(actor, { projectId, userId }));
  }
}
