import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  commentThreadViewSchema,
  commentViewSchema,
  CompleteCommentCommand,
  CreateCommentCommand,
  createCommentInput,
  DeleteCommentCommand,
  GetCommentQuery,
  LikeCommentCommand,
  ListCommentsQuery,
  ReplyToCommentCommand,
  replyToCommentInput,
  UncompleteCommentCommand,
  UnlikeCommentCommand,
  UpdateCommentCommand,
  updateCommentInput,
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

@ApiTags('comments')
@ApiBearerAuth()
@V2Controller()
export class CommentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('assets/:assetId/comments')
  @ApiOperation({
    summary: 'Comment threads of a file or version stack (its head version)',
    description:
      'Paginated over top-level comments, each with all its replies. `sort=frame` (default): by ' +
      'timestamp, comments without one last, then by time; `sort=time`: by posting time. ' +
      'Private comments only for members of the account.',
  })
  @ApiPagination()
  @ApiQuery({
    name: 'sort',
    required: false,
    schema: { enum: ['frame', 'time'], default: 'frame' },
  })
  @ApiPage('A page of threads', commentThreadViewSchema)
  @ApiProblems(400, 401, 404, 409)
  list(
    @CurrentUser() actor: UserActor,
    @Param('assetId') assetId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListCommentsQuery(actor, assetId, query));
  }

  @Post('assets/:assetId/comments')
  @ApiOperation({
    summary: 'Comment on a file or version stack (reviewers and up)',
    description:
      'A comment on a version stack goes to its head version; folders take none (409). ' +
      '`mentions` must have access to the project; only members of the account may post ' +
      '`private` comments.',
  })
  @ApiJsonBody(createCommentInput, { omit: ['assetId'] })
  @ApiJson(201, 'The new thread', commentThreadViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @CurrentUser() actor: UserActor,
    @Param('assetId') assetId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new CreateCommentCommand(actor, bodyWith(body, { assetId })));
  }

  @Get('comments/:commentId')
  @ApiOperation({ summary: 'One comment (a top-level one with its replies)' })
  @ApiJson(200, 'The comment', commentThreadViewSchema)
  @ApiProblems(401, 404)
  get(@CurrentUser() actor: UserActor, @Param('commentId') commentId: string) {
    return this.queries.execute(new GetCommentQuery(actor, commentId));
  }

  @Patch('comments/:commentId')
  @ApiOperation({
    summary: 'Edit a comment (its author only)',
    description: 'Sets `editedAt`. `null` removes a timestamp, duration or annotation.',
  })
  @ApiJsonBody(updateCommentInput, { omit: ['commentId'] })
  @ApiJson(200, 'The comment', commentThreadViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() actor: UserActor,
    @Param('commentId') commentId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new UpdateCommentCommand(actor, bodyWith(body, { commentId })));
  }

  @Delete('comments/:commentId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a comment (its author, or a project manager) with its replies',
  })
  @ApiNoContent('Deleted')
  @ApiProblems(401, 403, 404, 409)
  async remove(@CurrentUser() actor: UserActor, @Param('commentId') commentId: string) {
    await this.commands.execute(new DeleteCommentCommand(actor, { commentId }));
  }

  @Post('comments/:commentId/replies')
  @ApiOperation({
    summary: 'Reply to a comment (reviewers and up)',
    description:
      'Threads are one level deep: replying to a reply adds to the thread of its top-level ' +
      'comment. A reply is as private as its thread.',
  })
  @ApiJsonBody(replyToCommentInput, { omit: ['commentId'] })
  @ApiJson(201, 'The reply', commentViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  reply(
    @CurrentUser() actor: UserActor,
    @Param('commentId') commentId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new ReplyToCommentCommand(actor, bodyWith(body, { commentId })));
  }

  @Post('comments/:commentId/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a top-level comment as done (reviewers and up; idempotent)' })
  @ApiJson(200, 'The comment', commentThreadViewSchema)
  @ApiProblems(401, 403, 404, 409)
  complete(@CurrentUser() actor: UserActor, @Param('commentId') commentId: string) {
    return this.commands.execute(new CompleteCommentCommand(actor, { commentId }));
  }

  @Delete('comments/:commentId/complete')
  @ApiOperation({ summary: 'Reopen a completed comment (reviewers and up; idempotent)' })
  @ApiJson(200, 'The comment', commentThreadViewSchema)
  @ApiProblems(401, 403, 404, 409)
  uncomplete(@CurrentUser() actor: UserActor, @Param('commentId') commentId: string) {
    return this.commands.execute(new UncompleteCommentCommand(actor, { commentId }));
  }

  @Post('comments/:commentId/like')
  @HttpCode(200)
  @ApiOperation({ summary: 'Like a comment (reviewers and up; liking twice is one like)' })
  @ApiJson(200, 'The comment', commentThreadViewSchema)
  @ApiProblems(401, 403, 404, 409)
  like(@CurrentUser() actor: UserActor, @Param('commentId') commentId: string) {
    return this.commands.execute(new LikeCommentCommand(actor, { commentId }));
  }

  @Delete('comments/:commentId/like')
  @ApiOperation({ summary: 'Take back my like (reviewers and up; idempotent)' })
  @ApiJson(200, 'The comment', commentThreadViewSchema)
  @ApiProblems(401, 403, 404, 409)
  unlike(@CurrentUser() actor: UserActor, @Param('commentId') commentId: string) {
    return this.commands.execute(new UnlikeCommentCommand(actor, { commentId }));
  }
}
