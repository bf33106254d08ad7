import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  GetProjectQuery,
  ListChildrenQuery,
  ListReviewLinksQuery,
  ListTrashQuery,
  RestoreAssetCommand,
} from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { requireReason } from '../reason';
import { staffActor } from '../staff-request';
import { SupportController } from '../support-controller';
import { sendPage, seeOther } from './replies';

/** A project: the top of its asset tree, its trash (restore with a reason), its review links. */
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
  ): Promise<void> {
    const actor = staffActor(request);
    const project = await this.queries.execute(new GetProjectQuery(actor, id));
    const [children, trash, reviewLinks] = await Promise.all([
      this.queries.execute(new ListChildrenQuery(actor, project.rootAssetId, { limit: 100 })),
      this.queries.execute(new ListTrashQuery(actor, id, { limit: 100 })),
      this.queries.execute(new ListReviewLinksQuery(actor, id, { limit: 100 })),
    ]);
    sendPage(
      reply,
      200,
      this.pages.render(request, 'project', {
        title: `Project ${project.name}`,
        project,
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
