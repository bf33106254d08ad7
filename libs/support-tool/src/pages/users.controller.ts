import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ForceLogoutUserCommand,
  LockUserCommand,
  RequestPasswordResetCommand,
  ResendInvitationCommand,
  ResendVerificationCommand,
  StaffUserDetailsQuery,
  UnlockUserCommand,
} from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { requireReason } from '../reason';
import { staffActor } from '../staff-request';
import { SupportController } from '../support-controller';
import { sendPage, seeOther } from './replies';

/**
 * A customer's user: accounts, sessions; lock (ends every session) and unlock; resend the
 * verification e-mail or an invitation, send a password-reset link — each with a reason, through
 * the same domain commands the API uses (the reason rides on the staff actor).
 */
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

  @Post(':id/resend-verification')
  async resendVerification(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = staffActor(request, requireReason(body));
    await this.commands.execute(new ResendVerificationCommand(actor, { userId: id }));
    seeOther(reply, `/support/users/${encodeURIComponent(id)}?done=verification+e-mail+sent`);
  }

  @Post(':id/password-reset')
  async passwordReset(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = staffActor(request, requireReason(body));
    // The link goes to the address on file (read here, so the form cannot name another one).
    const user = await this.queries.execute(new StaffUserDetailsQuery(actor, id));
    await this.commands.execute(new RequestPasswordResetCommand({ email: user.email }, actor));
    seeOther(reply, `/support/users/${encodeURIComponent(id)}?done=password-reset+link+sent`);
  }

  @Post(':id/invitations/:invitationId/resend')
  async resendInvitation(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Param('invitationId') invitationId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = staffActor(request, requireReason(body));
    await this.commands.execute(new ResendInvitationCommand(actor, { invitationId }));
    seeOther(reply, `/support/users/${encodeURIComponent(id)}?done=invitation+sent+again`);
  }
}
