import { Body, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ListConsumerStatsQuery,
  ListDeadLettersQuery,
  ListJobsQuery,
  ListSentEmailsQuery,
  RedriveDeadLettersCommand,
} from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { requireReason } from '../reason';
import { staffActor } from '../staff-request';
import { StaffRoles, SupportController } from '../support-controller';
import { sendPage, seeOther } from './replies';

/** Operating the event system: consumers' backlog and failures, dead letters and their redrive (admins only). */
@SupportController('operations')
@StaffRoles('admin')
export class SupportOperationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly pages: Pages,
  ) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const actor = staffActor(request);
    const [consumers, deadLetters, emails, jobs] = await Promise.all([
      this.queries.execute(new ListConsumerStatsQuery(actor)),
      this.queries.execute(new ListDeadLettersQuery(actor, { limit: 100 })),
      this.queries.execute(new ListSentEmailsQuery(actor, 50)),
      this.queries.execute(new ListJobsQuery(actor)),
    ]);
    sendPage(
      reply,
      200,
      this.pages.render(request, 'operations', {
        title: 'Operations',
        consumers,
        deadLetters: deadLetters.data,
        emails,
        jobs,
      }),
    );
  }

  @Post('dead-letters/redrive')
  async redrive(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const reason = requireReason(body);
    await this.commands.execute(
      new RedriveDeadLettersCommand(staffActor(request, reason), {
        consumer: body?.consumer,
        eventIds: [body?.eventId],
      }),
    );
    seeOther(reply, '/support/operations?done=redriven');
  }
}
