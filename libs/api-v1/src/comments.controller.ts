import { Body, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  CommentView,
  CompleteCommentCommand,
  CreateCommentCommand,
  DeleteCommentCommand,
  ReplyToCommentCommand,
  UncompleteCommentCommand,
  UpdateCommentCommand,
  validationFailed,
} from '@dailies/core';
import {
  GetLegacyAssetQuery,
  GetLegacyCommentQuery,
  OpenLegacyReviewLinkQuery,
  StreamAssetCommentsQuery,
} from '@dailies/read-models-legacy';
import { UserActor } from '@dailies/events';
import { ClientIp, CurrentUser } from '@dailies/http';
import { NewComment, servedRecord } from '@dailies/legacy';
import type { FastifyReply } from 'fastify';
import { LegacyAnonymous } from './legacy-auth.guard';
import { LegacyController } from './legacy-controller';
import {
  defined,
  legacyBody,
  readBoolean,
  readInteger,
  readJson,
  readText,
  requestId,
} from './legacy-input';
import { sendJsonArray } from './legacy-stream';

/** /v1 comments and review links. */
@LegacyController()
export class LegacyCommentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('assets/:id/comments')
  async comments(
    @CurrentUser() actor: UserActor,
    @Param('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const comments = await this.queries.execute(new StreamAssetCommentsQuery(actor, requestId(id)));
    await sendJsonArray(reply, comments, (c) => servedRecord('comments', c));
  }

  /**
   * CreateCommentCommand, or ReplyToCommentCommand with `parent_id` (a comment on this asset).
   * A duration of 0 frames is no range (as the migrator reads the legacy data).
   */
  @Post('assets/:id/comments')
  @HttpCode(201)
  async comment(@CurrentUser() actor: UserActor, @Param('id') id: string, @Body() body: unknown) {
    const input = legacyBody(body);
    const assetId = requestId(id);
    const duration = readInteger(input, 'duration');
    const fields = defined({
      text: readText(input, 'text') ?? undefined,
      timestamp: readInteger(input, 'timestamp') ?? undefined,
      duration: duration === 0 ? undefined : (duration ?? undefined),
      annotation: readJson(input, 'annotation') ?? undefined,
    });
    const parentId = readText(input, 'parent_id');
    let created: CommentView;
    if (parentId) {
      const parent = await this.queries.execute(
        new GetLegacyCommentQuery(actor, requestId(parentId)),
      );
      const asset = await this.queries.execute(new GetLegacyAssetQuery(actor, assetId));
      if (parent.row.assetId !== asset.row.id) {
        throw validationFailed([{ field: 'parent_id', message: 'is a comment on another asset' }]);
      }
      created = await this.commands.execute(
        new ReplyToCommentCommand(actor, { commentId: parent.row.id, ...fields }),
      );
    } else {
      created = await this.commands.execute(
        new CreateCommentCommand(actor, { assetId, ...fields }),
      );
    }
    return servedRecord('comments', await this.read(actor, created.id));
  }

  /** UpdateCommentCommand for `text`; Complete/UncompleteCommentCommand for `completed`. */
  @Put('comments/:id')
  async update(@CurrentUser() actor: UserActor, @Param('id') id: string, @Body() body: unknown) {
    const input = legacyBody(body);
    const commentId = requestId(id);
    const text = readText(input, 'text');
    const completed = readBoolean(input, 'completed');
    if (text !== undefined) {
      await this.commands.execute(new UpdateCommentCommand(actor, { commentId, text }));
    }
    if (completed !== undefined && completed !== null) {
      const current = await this.read(actor, commentId);
      if (completed !== (current.row.completedAt !== null)) {
        await this.commands.execute(
          completed
            ? new CompleteCommentCommand(actor, { commentId })
            : new UncompleteCommentCommand(actor, { commentId }),
        );
      }
    }
    return servedRecord('comments', await this.read(actor, commentId));
  }

  @Delete('comments/:id')
  async remove(@CurrentUser() actor: UserActor, @Param('id') id: string) {
    await this.commands.execute(new DeleteCommentCommand(actor, { commentId: requestId(id) }));
    return { deleted: 'true' };
  }

  /** Public: OpenReviewLinkQuery's checks; the password in `?password=` (or X-Review-Password). */
  @Get('review_links/:code')
  @LegacyAnonymous()
  async reviewLink(
    @Param('code') code: string,
    @Query('password') password: string | undefined,
    @Headers('x-review-password') header: string | undefined,
    @ClientIp() ip: string,
  ) {
    const page = await this.queries.execute(
      new OpenLegacyReviewLinkQuery({ code, password: password || header || undefined, ip }),
    );
    return {
      review_link: servedRecord('review_links', page.reviewLink),
      assets: page.assets.map((a) => servedRecord('assets', a)),
    };
  }

  private read(actor: UserActor, commentId: string): Promise<NewComment> {
    return this.queries.execute(new GetLegacyCommentQuery(actor, commentId));
  }
}
