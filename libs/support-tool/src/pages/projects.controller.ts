import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  GetAssetQuery,
  GetProjectQuery,
  ListChildrenQuery,
  ListReviewLinksQuery,
  ListTrashQuery,
  notFound,
  RestoreAssetCommand,
} from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { requireReason } from '../reason';
import { staffActor } from '../staff-request';
import { SupportController } from '../support-controller';
import { sendPage, seeOther } from './replies';

/** A project: its asset tree (folder by folder), its trash (restore with a reason), its review links. */
@SupportController('projects')
export class SupportProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly pages: Pages,
  ) {}

  @Get(':id')
  async show(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Query('folder') folderId?: string,
  ): Promise<void> {
    const actor = staffActor(request);
    const project = await this.queries.execute(new GetProjectQuery(actor, id));
    // The asset tree one folder at a time (`?folder=`), from the project's root.
    const folder =
      typeof folderId === 'string' && folderId !== project.rootAssetId
        ? await this.queries.execute(new GetAssetQuery(actor, folderId))
        : null;
    if (folder && folder.projectId !== project.id) throw notFound('Folder');
    const [children, trash, reviewLinks] = await Promise.all([
      this.queries.execute(
        new ListChildrenQuery(actor, folder?.id ?? project.rootAssetId, { limit: 100 }),
      ),
      this.queries.execute(new ListTrashQuery(actor, id, { limit: 100 })),
      this.queries.execute(new ListReviewLinksQuery(actor, id, { limit: 100 })),
    ]);
    sendPage(
      reply,
      200,
      this.pages.render(request, 'project', {
        title: `Project ${project.name}`,
        project,
        folder,
        children: children.data,
        trash: trash.data,
        reviewLinks: reviewLinks.data,
      }),
    );
  }

  @Post(':id/trash/:assetId/restore')
  async restore(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Param('assetId') assetId: string,
    @Body() body: unknown,
  ): Promise<void> {
    const reason = requireReason(body);
    await this.commands.execute(new RestoreAssetCommand(staffActor(request, reason), { assetId }));
    seeOther(reply, `/support/projects/${encodeURIComponent(id)}?done=restored`);
  }
}
