import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import {
  AddCollaboratorCommand,
  ChangeCollaboratorRoleCommand,
  CreateProjectCommand,
  DeleteProjectCommand,
  RemoveCollaboratorCommand,
  UpdateProjectCommand,
} from '@dailies/core';
import { actorOf, GraphqlContext } from '../context';
import { CollaboratorRole } from '../types/enums';
import { AddCollaboratorInput, CreateProjectInput, UpdateProjectInput } from '../types/inputs';
import { AddCollaboratorPayload, Collaborator, Project } from '../types/models';
import { Bus, plain } from './bus';

/** POST/PATCH/DELETE /v2 …/projects and …/collaborators, one command each. */
@Resolver()
export class ProjectMutations {
  constructor(private readonly bus: Bus) {}

  @Mutation(() => Project)
  async createProject(
    @Context() ctx: GraphqlContext,
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('input') input: CreateProjectInput,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new CreateProjectCommand(actor, { ...plain(input), teamId }));
  }

  @Mutation(() => Project)
  async updateProject(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) projectId: string,
    @Args('input') input: UpdateProjectInput,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new UpdateProjectCommand(actor, { ...plain(input), projectId }));
  }

  @Mutation(() => ID, { description: 'The deleted project’s id' })
  async deleteProject(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    await this.bus.command(ctx, new DeleteProjectCommand(actor, { projectId: id }));
    return id;
  }

  @Mutation(() => AddCollaboratorPayload)
  async addCollaborator(
    @Context() ctx: GraphqlContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('input') input: AddCollaboratorInput,
  ) {
    const actor = await actorOf(ctx);
    const result = await this.bus.command(
      ctx,
      new AddCollaboratorCommand(actor, { ...plain(input), projectId }),
    );
    return result.outcome === 'added'
      ? { outcome: 'added', collaborator: result.collaborator, invitation: null }
      : { outcome: 'invited', collaborator: null, invitation: result.invitation };
  }

  @Mutation(() => Collaborator)
  async changeCollaboratorRole(
    @Context() ctx: GraphqlContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => CollaboratorRole }) role: string,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(
      ctx,
      new ChangeCollaboratorRoleCommand(actor, { projectId, userId, role }),
    );
  }

  @Mutation(() => ID, { description: 'The removed user’s id' })
  async removeCollaborator(
    @Context() ctx: GraphqlContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ) {
    const actor = await actorOf(ctx);
    await this.bus.command(ctx, new RemoveCollaboratorCommand(actor, { projectId, userId }));
    return userId;
  }
}
