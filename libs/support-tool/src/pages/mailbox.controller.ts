import { Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListMailboxQuery } from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { staffActor } from '../staff-request';
import { StaffRoles, SupportController } from '../support-controller';
import { sendPage } from './replies';

/** The local mailbox: what the platform "sent" with no SMTP server configured (admins only). */
@SupportController('operations/mailbox')
@StaffRoles('admin')
export class SupportMailboxController {
  constructor(
    private readonly queries: QueryBus,
    private readonly pages: Pages,
  ) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const mailbox = await this.queries.execute(new ListMailboxQuery(staffActor(request), 50));
    sendPage(
      reply,
      200,
      this.pages.render(request, 'mailbox', { title: 'Local mailbox', mailbox }),
    );
  }
}
