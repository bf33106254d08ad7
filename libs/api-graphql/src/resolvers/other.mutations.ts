import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import {
  AcceptInvitationCommand,
  CreateInvitationCommand,
  CreateReviewLinkCommand,
  DeleteReviewLinkCommand,
  MarkNotificationsReadCommand,
  RevokeInvitationCommand,
  UpdateReviewLinkCommand,
} from '@dailies/core';
import { actorOf, GraphqlContext } from '../context';
import {
  CreateInvitationInput,
  CreateReviewLinkInput,
  UpdateReviewLinkInput,
} from '../types/inputs';
import { Account, Invitation, ReviewLink, UnreadCount } from '../types/models';
import { Bus, plain } from './bus';

/** Review links, invitations and the notification read state, as under /v2. */
@Resolver()
export class OtherMutations {
  constructor(private readonly bus: Bus) {}

  @Mutation(() => ReviewLink)
  async createReviewLink(
    @Context() ctx: GraphqlContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('input') input: CreateReviewLinkInput,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(
      ctx,
      new CreateReviewLinkCommand(actor, { ...plain(input), projectId }),
    );
  }

  @Mutation(() => ReviewLink)
  async updateReviewLink(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) reviewLinkId: string,
    @Args('input') input: UpdateReviewLinkInput,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(
      ctx,
      new UpdateReviewLinkCommand(actor, { ...plain(input), reviewLinkId }),
    );
  }

  @Mutation(() => ID)
  async deleteReviewLink(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) id: string,
  ) {
    const actor = await actorOf(ctx);
    await this.bus.command(ctx, new DeleteReviewLinkCommand(actor, { reviewLinkId: id }));
    return id;
  }

  @Mutation(() => Invitation, { description: 'Invite someone to an account (owners, admins)' })
  async createInvitation(
    @Context() ctx: GraphqlContext,
    @Args('accountId', { type: () => ID }) accountId: string,
    @Args('input') input: CreateInvitationInput,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(
      ctx,
      new CreateInvitationCommand(actor, { ...plain(input), accountId }),
    );
  }

  @Mutation(() => Account, { description: 'The account joined' })
  async acceptInvitation(@Context() ctx: GraphqlContext, @Args('token') token: string) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new AcceptInvitationCommand(actor, { token }));
  }

  @Mutation(() => ID)
  async revokeInvitation(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) id: string,
  ) {
    const actor = await actorOf(ctx);
    await this.bus.command(ctx, new RevokeInvitationCommand(actor, { invitationId: id }));
    return id;
  }

  @Mutation(() => UnreadCount, { description: 'Mark some (ids) or all (all: true) as read' })
  async markNotificationsRead(
    @Context() ctx: GraphqlContext,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[],
    @Args('all', { nullable: true }) all?: boolean,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new MarkNotificationsReadCommand(actor, { ids, all }));
  }
}
