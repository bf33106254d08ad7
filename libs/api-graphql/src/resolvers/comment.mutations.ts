import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import {
  CompleteCommentCommand,
  CreateCommentCommand,
  DeleteCommentCommand,
  LikeCommentCommand,
  ReplyToCommentCommand,
  UncompleteCommentCommand,
  UnlikeCommentCommand,
  UpdateCommentCommand,
} from '@dailies/core';
import { actorOf, GraphqlContext } from '../context';
import { CommentInput, UpdateCommentInput } from '../types/inputs';
import { Comment } from '../types/models';
import { Bus, plain } from './bus';

/** The /v2 comment writes: add, edit, delete, reply, complete, like (and their undos). */
@Resolver()
export class CommentMutations {
  constructor(private readonly bus: Bus) {}

  @Mutation(() => Comment)
  async createComment(
    @Context() ctx: GraphqlContext,
    @Args('assetId', { type: () => ID }) assetId: string,
    @Args('input') input: CommentInput,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new CreateCommentCommand(actor, { ...plain(input), assetId }));
  }

  @Mutation(() => Comment)
  async updateComment(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) commentId: string,
    @Args('input') input: UpdateCommentInput,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new UpdateCommentCommand(actor, { ...plain(input), commentId }));
  }

  @Mutation(() => ID, { description: 'The deleted comment’s id (a thread goes with its replies)' })
  async deleteComment(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    await this.bus.command(ctx, new DeleteCommentCommand(actor, { commentId: id }));
    return id;
  }

  @Mutation(() => Comment, { description: 'The reply' })
  async replyToComment(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) commentId: string,
    @Args('input') input: CommentInput,
  ) {
    const actor = await actorOf(ctx);
    // `private` is refused (BAD_USER_INPUT): a reply is as private as its thread.
    return this.bus.command(ctx, new ReplyToCommentCommand(actor, { ...plain(input), commentId }));
  }

  @Mutation(() => Comment)
  async completeComment(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) id: string,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new CompleteCommentCommand(actor, { commentId: id }));
  }

  @Mutation(() => Comment)
  async uncompleteComment(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) id: string,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new UncompleteCommentCommand(actor, { commentId: id }));
  }

  @Mutation(() => Comment)
  async likeComment(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new LikeCommentCommand(actor, { commentId: id }));
  }

  @Mutation(() => Comment)
  async unlikeComment(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new UnlikeCommentCommand(actor, { commentId: id }));
  }
}
