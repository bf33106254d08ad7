import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ForceLogoutUserCommand,
  LockUserCommand,
  StaffUserDetailsQuery,
  UnlockUserCommand,
} from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { staffActor } from '../staff-request';
import { SupportController } from '../support-controller';
import { sendPage, seeOther } from './replies';

/** A customer's user: accounts, sessions; lock (ends every session) and unlock, with a reason. */
@SupportController('users')
export class SupportUsersController {
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
    const user = await this.queries.execute(new StaffUserDetailsQuery(staffActor(request), id));
    sendPage(reply, 200, this.pages.render(request, 'user', { title: `User ${user.email}`, user }));
  }

  @Post(':id/lock')
  async lock(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.commands.execute(
      new LockUserCommand(staffActor(request), {
        userId: id,
        reason: body?.reason,
        minutes: body?.minutes,
      }),
    );
    seeOther(reply, `/support/users/${encodeURIComponent(id)}?done=locked`);
  }

  @Post(':id/force-logout')
  async forceLogout(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.commands.execute(
      new ForceLogoutUserCommand(staffActor(request), { userId: id, reason: body?.reason }),
    );
    seeOther(reply, `/support/users/${encodeURIComponent(id)}?done=signed+out+everywhere`);
  }

  @Post(':id/unlock')
  async unlock(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.commands.execute(
      new UnlockUserCommand(staffActor(request), { userId: id, reason: body?.reason }),
    );
    seeOther(reply, `/support/users/${encodeURIComponent(id)}?done=unlocked`);
  }
}
