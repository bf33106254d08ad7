import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { StartViewAsCommand, ViewAsCustomerQuery } from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { staffActor } from '../staff-request';
import { SupportController } from '../support-controller';
import { sendPage, seeOther } from './replies';

/** "View as": a read-only, time-boxed look at what a customer sees (no forms on the page). */
@SupportController()
export class SupportViewAsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly pages: Pages,
  ) {}

  @Post('users/:id/view-as')
  async start(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { grantId } = await this.commands.execute(
      new StartViewAsCommand(staffActor(request), { userId: id, reason: body?.reason }),
    );
    seeOther(reply, `/support/view-as/${grantId}`);
  }

  @Get('view-as/:grantId')
  async show(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('grantId') grantId: string,
  ): Promise<void> {
    const view = await this.queries.execute(new ViewAsCustomerQuery(staffActor(request), grantId));
    sendPage(
      reply,
      200,
      this.pages.render(request, 'view-as', { title: `Viewing as ${view.user.email}`, view }),
    );
  }
}
