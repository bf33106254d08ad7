import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  GetAccountQuery,
  GetUsageQuery,
  ListAuditLogQuery,
  ListMembersQuery,
  ReconcileUsageCommand,
  UpdateAccountCommand,
} from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { requireReason } from '../reason';
import { staffActor } from '../staff-request';
import { SupportController } from '../support-controller';
import { sendPage, seeOther } from './replies';

/** An account: plan, storage limit, usage (reconcile), members and roles, audit trail. */
@SupportController('accounts')
export class SupportAccountsController {
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
    const account = await this.queries.execute(new GetAccountQuery(actor, id));
    const [usage, members, audit] = await Promise.all([
      this.queries.execute(new GetUsageQuery(actor, id)),
      this.queries.execute(new ListMembersQuery(actor, id, { limit: 100 })),
      this.queries.execute(new ListAuditLogQuery(actor, id, { limit: 30 })),
    ]);
    sendPage(
      reply,
      200,
      this.pages.render(request, 'account', {
        title: `Account ${account.name}`,
        account,
        usage,
        members: members.data,
        audit: audit.data,
      }),
    );
  }

  @Post(':id/limits')
  async limits(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const reason = requireReason(body);
    const gb = Number(body?.storageLimitGb);
    await this.commands.execute(
      new UpdateAccountCommand(staffActor(request, reason), {
        accountId: id,
        plan: body?.plan,
        // Whole bytes; a non-number is refused by the command's schema.
        storageLimitBytes: Number.isFinite(gb) ? Math.round(gb * 1024 ** 3) : body?.storageLimitGb,
      }),
    );
    seeOther(reply, `/support/accounts/${encodeURIComponent(id)}?done=plan+and+limit+saved`);
  }

  @Post(':id/reconcile')
  async reconcile(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const reason = requireReason(body);
    await this.commands.execute(
      new ReconcileUsageCommand(staffActor(request, reason), { accountId: id }),
    );
    seeOther(reply, `/support/accounts/${encodeURIComponent(id)}?done=reconciled`);
  }
}
