import { Body, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AddVersionCommand,
  addVersionInput,
  assetViewSchema,
  CompleteUploadCommand,
  completeUploadInput,
  CopyAssetCommand,
  copyAssetInput,
  CreateAssetCommand,
  createAssetInput,
  createdAssetViewSchema,
  GetAssetQuery,
  ListChildrenQuery,
  ListTrashQuery,
  ListVersionsQuery,
  MoveAssetCommand,
  moveAssetInput,
  RestoreAssetCommand,
  searchHitSchema,
  SearchProjectQuery,
  TrashAssetCommand,
  trashedAssetViewSchema,
  UpdateAssetCommand,
  updateAssetInput,
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

const enumQuery = (name: string, values: string[], description?: string) =>
  ApiQuery({ name, required: false, schema: { type: 'string', enum: values }, description });

@ApiTags('assets')
@ApiBearerAuth()
@V2Controller()
export class AssetsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('assets/:assetId')
  @ApiOperation({ summary: 'One asset, with its properties (a stack with its latest version)' })
  @ApiJson(200, 'The asset', assetViewSchema)
  @ApiProblems(401, 404)
  get(@CurrentUser() actor: UserActor, @Param('assetId') assetId: string) {
    return this.queries.execute(new GetAssetQuery(actor, assetId));
  }

  @Patch('assets/:assetId')
  @ApiOperation({
    summary: 'Rename, relabel or replace the properties of an asset (editors)',
    description: '`properties` replaces the whole object; at most 1 MB as JSON.',
  })
  @ApiJsonBody(updateAssetInput, { omit: ['assetId'] })
  @ApiJson(200, 'The asset', assetViewSchema)
  @ApiProblems(400, 401, 403, 404, 409, 413)
  update(
    @CurrentUser() actor: UserActor,
    @Param('assetId') assetId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new UpdateAssetCommand(actor, bodyWith(body, { assetId })));
  }

  @Delete('assets/:assetId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Move an asset and its subtree to the trash (editors)',
    description:
      'Restorable for 30 days. A trashed version leaves its stack (a stack left with one ' +
      'version turns back into that file). The root folder cannot be deleted (409).',
  })
  @ApiNoContent('Trashed')
  @ApiProblems(401, 403, 404, 409)
  async trash(@CurrentUser() actor: UserActor, @Param('assetId') assetId: string) {
    await this.commands.execute(new TrashAssetCommand(actor, { assetId }));
  }

  @Get('assets/:assetId/children')
  @ApiOperation({
    summary: 'Children of a folder (or versions of a stack) in their custom order',
    description: 'Without `properties` (GET the asset for them).',
  })
  @ApiPagination()
  @enumQuery('type', ['folder', 'file', 'version_stack'])
  @enumQuery('label', ['none', 'in_progress', 'needs_review', 'approved'])
  @enumQuery(
    'status',
    ['uploading', 'transcoding', 'ready', 'failed'],
    'A stack matches on its latest version',
  )
  @ApiPage('A page of assets', assetViewSchema)
  @ApiProblems(400, 401, 404)
  children(
    @CurrentUser() actor: UserActor,
    @Param('assetId') assetId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListChildrenQuery(actor, assetId, query));
  }

  @Post('assets/:assetId/children')
  @ApiOperation({
    summary: 'Create a folder or a file in a folder (editors)',
    description:
      'A folder is ready at once. A file starts `uploading`; the answer carries `upload`: ' +
      'send the bytes as it says, then PUT its completeUrl. `index`: position among the ' +
      'siblings (default: the end).',
  })
  @ApiJsonBody(createAssetInput, { omit: ['parentId'] })
  @ApiJson(201, 'The new asset', createdAssetViewSchema)
  @ApiProblems(400, 401, 403, 404, 409, 413)
  create(
    @CurrentUser() actor: UserActor,
    @Param('assetId') assetId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(
      new CreateAssetCommand(actor, bodyWith(body, { parentId: assetId })),
    );
  }

  @Put('assets/:assetId/upload-complete')
  @ApiOperation({
    summary: 'Mark a file’s upload complete, with its final media facts (editors)',
    description:
      'uploading → transcoding for video/* and audio/*, → ready for anything else. Once only ' +
      '(409 after).',
  })
  @ApiJsonBody(completeUploadInput, { omit: ['assetId'] })
  @ApiJson(200, 'The file', assetViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  completeUpload(
    @CurrentUser() actor: UserActor,
    @Param('assetId') assetId: string,
    @Body() body: unknown,
  ) {
    return this.commands.execute(new CompleteUploadCommand(actor, bodyWith(body, { assetId })));
  }

  @Post('assets/:assetId/move')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move an asset within its project, or reorder it (editors)',
    description:
      '`parentId` a folder (or a version stack, for a file: it becomes a version at `index`); ' +
      'never into a file, itself or its own subtree (409). `index`: position among the new ' +
      'siblings, default the end. Moving a version out of its stack takes it out (a stack ' +
      'left with one version turns back into that file).',
  })
  @ApiJsonBody(moveAssetInput, { omit: ['assetId'] })
  @ApiJson(200, 'The moved asset', assetViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  move(@CurrentUser() actor: UserActor, @Param('assetId') assetId: string, @Body() body: unknown) {
    return this.commands.execute(new MoveAssetCommand(actor, bodyWith(body, { assetId })));
  }

  @Post('assets/:assetId/copy')
  @ApiOperation({
    summary: 'Deep-copy an asset into a folder of the same project (editors)',
    description: 'New ids for the whole subtree; `withComments` copies comments and replies.',
  })
  @ApiJsonBody(copyAssetInput, { omit: ['assetId'] })
  @ApiJson(201, 'The copy', assetViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  copy(@CurrentUser() actor: UserActor, @Param('assetId') assetId: string, @Body() body: unknown) {
    return this.commands.execute(new CopyAssetCommand(actor, bodyWith(body, { assetId })));
  }

  @Post('assets/:assetId/restore')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Restore a trashed asset and what was trashed with it (editors)',
    description:
      'Back to its old parent if that is still there, else to the end of the root folder.',
  })
  @ApiJson(200, 'The restored asset', assetViewSchema)
  @ApiProblems(401, 403, 404, 409)
  restore(@CurrentUser() actor: UserActor, @Param('assetId') assetId: string) {
    return this.commands.execute(new RestoreAssetCommand(actor, { assetId }));
  }

  @Post('assets/:assetId/version')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add a file as the next version of a file or a version stack (editors)',
    description:
      'On a file: a version stack takes its place (201) with the file as version 1 and ' +
      '`nextAssetId` as version 2. On a stack: `nextAssetId` becomes the latest version (200).',
  })
  @ApiJsonBody(addVersionInput, { omit: ['assetId'] })
  @ApiJson(201, 'The new version stack', assetViewSchema)
  @ApiJson(200, 'The version stack', assetViewSchema)
  @ApiProblems(400, 401, 403, 404, 409)
  async addVersion(
    @CurrentUser() actor: UserActor,
    @Param('assetId') assetId: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new AddVersionCommand(actor, bodyWith(body, { assetId })),
    );
    if (result.createdStack) void reply.status(201);
    return result.stack;
  }

  @Get('assets/:assetId/versions')
  @ApiOperation({ summary: 'The versions of a stack, version 1 first' })
  @ApiPagination()
  @ApiPage('A page of versions', assetViewSchema)
  @ApiProblems(400, 401, 404, 409)
  versions(
    @CurrentUser() actor: UserActor,
    @Param('assetId') assetId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListVersionsQuery(actor, assetId, query));
  }

  @Get('projects/:projectId/trash')
  @ApiOperation({ summary: 'What was trashed in a project, newest first' })
  @ApiPagination()
  @ApiPage('A page of trashed assets', trashedAssetViewSchema)
  @ApiProblems(400, 401, 404)
  trashList(
    @CurrentUser() actor: UserActor,
    @Param('projectId') projectId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new ListTrashQuery(actor, projectId, query));
  }

  @Get('projects/:projectId/search')
  @ApiOperation({
    summary: 'Search asset names and comment texts of a project',
    description: 'Case-insensitive substring match; assets first, then comments, newest first.',
  })
  @ApiQuery({ name: 'q', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } })
  @ApiPagination()
  @ApiPage('A page of hits', searchHitSchema)
  @ApiProblems(400, 401, 404)
  search(
    @CurrentUser() actor: UserActor,
    @Param('projectId') projectId: string,
    @Query() query: Record<string, string>,
  ) {
    return this.queries.execute(new SearchProjectQuery(actor, projectId, query));
  }
}
