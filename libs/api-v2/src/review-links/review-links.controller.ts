import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateReviewLinkCommand,
  createReviewLinkInput,
  DeleteReviewLinkCommand,
  GetReviewLinkQuery,
  ListReviewLinksQuery,
  reviewLinkViewSchema,
  UpdateReviewLinkCommand,
  updateReviewLinkInput,
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

@ApiTags('review-links')
@ApiBearerAuth()
@V2Controller()
export class ReviewLinksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('projects/:projectId/review-links')
  @ApiOperation({ summary: 'Review links of a project, newest first (viewers and up)' })
  @ApiPagination()
  @ApiPage('A page of review links', reviewLinkViewSchema)
  @ApiProblems(400, 401, 404)
  list(
    @CurrentUser() actor: UserActor,
    @Param('projectId') projectId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListReviewLinksQuery(actor, projectId, query));
  }

  @Post('projects/:projectId/review-links')
  @ApiOperation({
    summary: 'Share assets through a review link (editors and up)',
    description:
      '`assetIds`: 1–500 files or version stacks of the project, not in the trash, in the order ' +
      'reviewers will see them. An optional `password` (8–200 characters) is asked for in the ' +
      'X-Review-Password header of the review routes.',
  })
  @ApiJsonBody(createReviewLinkInput, { omit: ['projectId'] })
  @ApiJson(201, 'The review link', reviewLinkViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @CurrentUser() actor: UserActor,
    @Param('projectId') projectId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new CreateReviewLinkCommand(actor, bodyWith(body, { projectId })));
  }

  @Get('review-links/:reviewLinkId')
  @ApiOperation({ summary: 'One review link (viewers and up)' })
  @ApiJson(200, 'The review link', reviewLinkViewSchema)
  @ApiProblems(401, 404)
  get(@CurrentUser() actor: UserActor, @Param('reviewLinkId') reviewLinkId: string) {
    return this.queries.execute(new GetReviewLinkQuery(actor, reviewLinkId));
  }

  @Patch('review-links/:reviewLinkId')
  @ApiOperation({
    summary: 'Change a review link (editors and up)',
    description:
      '`password: null` removes the password, `expiresAt: null` the expiry; `active: false` ' +
      'turns the link off; `assetIds` replaces the shared assets.',
  })
  @ApiJsonBody(updateReviewLinkInput, { omit: ['reviewLinkId'] })
  @ApiJson(200, 'The review link', reviewLinkViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() actor: UserActor,
    @Param('reviewLinkId') reviewLinkId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(
      new UpdateReviewLinkCommand(actor, bodyWith(body, { reviewLinkId })),
    );
  }

  @Delete('review-links/:reviewLinkId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a review link (editors and up); its comments stay' })
  @ApiNoContent('Deleted')
  @ApiProblems(401, 403, 404, 409)
  async remove(@CurrentUser() actor: UserActor, @Param('reviewLinkId') reviewLinkId: string) {
    await this.commands.execute(new DeleteReviewLinkCommand(actor, { reviewLinkId }));
  }
}
