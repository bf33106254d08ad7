import { Body, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  assetMediaViewSchema,
  commentThreadViewSchema,
  GetReviewAssetMediaQuery,
  CreateReviewCommentCommand,
  createReviewCommentInput,
  ListReviewCommentsQuery,
  OpenReviewLinkQuery,
  ReviewCredentials,
  reviewPageViewSchema,
} from '@dailies/core';
import {
  ApiJson,
  ApiJsonBody,
  ApiPage,
  ApiPagination,
  ApiProblems,
  bodyWith,
  ClientIp,
  Public,
} from '@dailies/http';
import { V2Controller } from '../v2-controller';

const PASSWORD_HEADER = 'x-review-password';

const ReviewPasswordHeader = () =>
  ApiHeader({
    name: 'X-Review-Password',
    required: false,
    description: 'The link’s password, when it has one (401 without it or when wrong)',
  });

/**
 * The anonymous review page behind a review link's code. No Bearer token: the code (and the
 * link's password) is the key; signed-in users are treated as anonymous reviewers here too.
 */
@ApiTags('review')
@Public()
@V2Controller('review')
export class ReviewController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':code')
  @ApiOperation({
    summary: 'Open a review link: its name, settings and shared assets in link order',
    description:
      '410 when the link was turned off or has expired; 429 with Retry-After after too many ' +
      'wrong passwords.',
  })
  @ReviewPasswordHeader()
  @ApiJson(200, 'The review page', reviewPageViewSchema)
  @ApiProblems(401, 404, 410, 429)
  open(
    @Param('code') code: string,
    @Headers(PASSWORD_HEADER) password: unknown,
    @ClientIp() ip: string,
  ) {
    return this.queries.execute(new OpenReviewLinkQuery(credentials(code, password, ip)));
  }

  @Get(':code/assets/:assetId/media')
  @ApiOperation({
    summary: 'Short-lived URLs to play a shared asset (and download it, if the link allows)',
    description:
      'proxy and thumbnail once processed; original and download only when the link’s ' +
      'allowDownload is on (null otherwise). A stack: its latest version.',
  })
  @ReviewPasswordHeader()
  @ApiJson(200, 'The media URLs', assetMediaViewSchema)
  @ApiProblems(401, 404, 409, 410, 429)
  media(
    @Param('code') code: string,
    @Param('assetId') assetId: string,
    @Headers(PASSWORD_HEADER) password: unknown,
    @ClientIp() ip: string,
  ) {
    return this.queries.execute(
      new GetReviewAssetMediaQuery(credentials(code, password, ip), assetId),
    );
  }

  @Get(':code/assets/:assetId/comments')
  @ApiOperation({
    summary: 'Comment threads of a shared asset (never private ones)',
    description:
      'Only assets the link shares (for a version stack, also its head version, where its ' +
      'comments live). Same shape, sorting and pagination as GET /v2/assets/{assetId}/comments.',
  })
  @ReviewPasswordHeader()
  @ApiPagination()
  @ApiQuery({
    name: 'sort',
    required: false,
    schema: { enum: ['frame', 'time'], default: 'frame' },
  })
  @ApiPage('A page of threads', commentThreadViewSchema)
  @ApiProblems(400, 401, 404, 409, 410, 429)
  comments(
    @Param('code') code: string,
    @Param('assetId') assetId: string,
    @Headers(PASSWORD_HEADER) password: unknown,
    @ClientIp() ip: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(
      new ListReviewCommentsQuery(credentials(code, password, ip), assetId, query),
    );
  }

  @Post(':code/assets/:assetId/comments')
  @ApiOperation({
    summary: 'Comment on a shared asset as an anonymous reviewer',
    description: '`name` is the display name shown as the author. Never private, no mentions.',
  })
  @ReviewPasswordHeader()
  @ApiJsonBody(createReviewCommentInput, { omit: ['assetId'] })
  @ApiJson(201, 'The new thread', commentThreadViewSchema)
  @ApiProblems(400, 401, 404, 409, 410, 429)
  comment(
    @Param('code') code: string,
    @Param('assetId') assetId: string,
    @Headers(PASSWORD_HEADER) password: unknown,
    @ClientIp() ip: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(
      new CreateReviewCommentCommand(credentials(code, password, ip), bodyWith(body, { assetId })),
    );
  }
}

/** A header sent twice arrives as an array: only a single, non-empty value is a password. */
function credentials(code: string, password: unknown, ip: string): ReviewCredentials {
  return { code, password: typeof password === 'string' && password ? password : undefined, ip };
}
