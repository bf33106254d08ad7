import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AbortUploadCommand,
  assetMediaViewSchema,
  GetAssetMediaQuery,
  GetUploadQuery,
  StartUploadCommand,
  startUploadInput,
  uploadViewSchema,
} from '@dailies/core';
import { UserActor } from '@dailies/events';
import {
  ApiJson,
  ApiJsonBody,
  ApiNoContent,
  ApiProblems,
  bodyWith,
  CurrentUser,
} from '@dailies/http';
import { V2Controller } from '../v2-controller';

/** A file's bytes: multipart uploads straight to storage, and signed URLs to play them back. */
@ApiTags('assets')
@ApiBearerAuth()
@V2Controller()
export class UploadsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('assets/:assetId/upload')
  @ApiOperation({
    summary: 'Start a multipart upload of a file’s bytes straight to storage (editors)',
    description:
      'Announce the exact `filesize` (and optionally `partSize`, ≥ 5 MiB). The answer carries ' +
      'presigned URLs: PUT each part’s bytes to its URL (in parallel, any order; a failed part ' +
      'is sent again), then PUT upload-complete, which checks every part against what storage ' +
      'holds. One upload per file at a time (409 upload_in_progress); uploads left unfinished ' +
      'for 24 hours are aborted.',
  })
  @ApiJsonBody(startUploadInput, { omit: ['assetId'] })
  @ApiJson(201, 'The upload, with the first part URLs', uploadViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  start(@CurrentUser() actor: UserActor, @Param('assetId') assetId: string, @Body() body: unknown) {
    return this.commands.execute(new StartUploadCommand(actor, bodyWith(body, { assetId })));
  }

  @Get('assets/:assetId/upload')
  @ApiOperation({
    summary: 'The upload in progress, to resume it (editors)',
    description:
      'The parts storage holds now and fresh URLs for every part still to send (at most 100 ' +
      'per answer). 409 no_upload when none is in progress.',
  })
  @ApiJson(200, 'The upload', uploadViewSchema)
  @ApiProblems(401, 403, 404, 409)
  get(@CurrentUser() actor: UserActor, @Param('assetId') assetId: string) {
    return this.queries.execute(new GetUploadQuery(actor, assetId));
  }

  @Delete('assets/:assetId/upload')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Cancel the upload in progress; storage drops its parts (editors)',
    description: 'The file stays `uploading`: a new upload can start.',
  })
  @ApiNoContent('Cancelled')
  @ApiProblems(401, 403, 404, 409)
  async abort(@CurrentUser() actor: UserActor, @Param('assetId') assetId: string) {
    await this.commands.execute(new AbortUploadCommand(actor, { assetId }));
  }

  @Get('assets/:assetId/media')
  @ApiOperation({
    summary: 'Short-lived URLs to play and download a file (a stack: its latest version)',
    description:
      'original (inline) and download (attachment) once uploaded; proxy and thumbnail once ' +
      'processed. URLs expire (STORAGE_URL_TTL_SECONDS); ask again for new ones.',
  })
  @ApiJson(200, 'The media URLs', assetMediaViewSchema)
  @ApiProblems(401, 404, 409)
  media(@CurrentUser() actor: UserActor, @Param('assetId') assetId: string) {
    return this.queries.execute(new GetAssetMediaQuery(actor, assetId));
  }
}
