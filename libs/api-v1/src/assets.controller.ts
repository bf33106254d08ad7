import { Body, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CreateAssetCommand, TrashAssetCommand, UpdateAssetCommand } from '@dailies/core';
import {
  GetLegacyAssetQuery,
  GetLegacyProjectQuery,
  StreamAssetChildrenQuery,
  StreamProjectAssetsQuery,
} from '@dailies/read-models-legacy';
import { UserActor } from '@dailies/events';
import { CurrentUser } from '@dailies/http';
import { NewAsset, servedRecord } from '@dailies/legacy';
import type { FastifyReply } from 'fastify';
import { LegacyController } from './legacy-controller';
import { defined, legacyBody, readInteger, readText, requestId } from './legacy-input';
import { sendJsonArray } from './legacy-stream';

/** /v1 projects and assets. */
@LegacyController()
export class LegacyAssetsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('projects/:id')
  async project(@CurrentUser() actor: UserActor, @Param('id') id: string) {
    const project = await this.queries.execute(
      new GetLegacyProjectQuery(actor, requestId(id, 'projects')),
    );
    return servedRecord('projects', project);
  }

  /** Every live asset of the project, flat, streamed (100,000 of them in flat memory). */
  @Get('projects/:id/assets')
  async projectAssets(
    @CurrentUser() actor: UserActor,
    @Param('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const assets = await this.queries.execute(
      new StreamProjectAssetsQuery(actor, requestId(id, 'projects')),
    );
    await sendJsonArray(reply, assets, (a) => servedRecord('assets', a));
  }

  @Get('assets/:id')
  async asset(@CurrentUser() actor: UserActor, @Param('id') id: string) {
    return servedRecord('assets', await this.read(actor, requestId(id)));
  }

  @Get('assets/:id/children')
  async children(
    @CurrentUser() actor: UserActor,
    @Param('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const assets = await this.queries.execute(new StreamAssetChildrenQuery(actor, requestId(id)));
    await sendJsonArray(reply, assets, (a) => servedRecord('assets', a));
  }

  /** CreateAssetCommand: a folder, or a file (with `filetype`, `filesize`) to upload. */
  @Post('assets/:id/children')
  @HttpCode(201)
  async create(@CurrentUser() actor: UserActor, @Param('id') id: string, @Body() body: unknown) {
    const input = legacyBody(body);
    const type = readText(input, 'type') ?? undefined;
    const media =
      type === 'folder'
        ? {}
        : defined({
            filetype: readText(input, 'filetype') ?? undefined,
            filesize: readInteger(input, 'filesize') ?? undefined,
          });
    const created = await this.commands.execute(
      new CreateAssetCommand(actor, {
        parentId: requestId(id),
        type,
        name: readText(input, 'name') ?? undefined,
        ...media,
      }),
    );
    return servedRecord('assets', await this.read(actor, created.id));
  }

  /** UpdateAssetCommand with `name` and/or `label`; anything else is ignored. */
  @Put('assets/:id')
  async update(@CurrentUser() actor: UserActor, @Param('id') id: string, @Body() body: unknown) {
    const input = legacyBody(body);
    const assetId = requestId(id);
    const changes = defined({
      name: readText(input, 'name') ?? undefined,
      label: readText(input, 'label') ?? undefined,
    });
    if (Object.keys(changes).length > 0) {
      await this.commands.execute(new UpdateAssetCommand(actor, { assetId, ...changes }));
    }
    return servedRecord('assets', await this.read(actor, assetId));
  }

  /** TrashAssetCommand: to the trash (restorable), as the old app's delete. */
  @Delete('assets/:id')
  async trash(@CurrentUser() actor: UserActor, @Param('id') id: string) {
    await this.commands.execute(new TrashAssetCommand(actor, { assetId: requestId(id) }));
    return { deleted: 'true' };
  }

  private read(actor: UserActor, assetId: string): Promise<NewAsset> {
    return this.queries.execute(new GetLegacyAssetQuery(actor, assetId));
  }
}
