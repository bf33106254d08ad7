import { Body, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ListJobsQuery, RetryJobDeadLettersCommand } from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { requireReason } from '../reason';
import { staffActor } from '../staff-request';
import { StaffRoles, SupportController } from '../support-controller';
import { sendPage, seeOther } from './replies';

const HISTORY_PER_JOB = 25;

/**
 * Every job the engine knows: queue stats, its latest runs (start, end, duration, outcome,
 * error) and its failed runs, each retryable — one or all at once — with a reason (admins only).
 */
@SupportController('operations/jobs')
@StaffRoles('admin')
export class SupportJobsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly pages: Pages,
  ) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const jobs = await this.queries.execute(
      new ListJobsQuery(staffActor(request), HISTORY_PER_JOB),
    );
    sendPage(reply, 200, this.pages.render(request, 'jobs', { title: 'Jobs', jobs }));
  }

  /** One failed run (`id`), or every failed run of the job (no `id`). */
  @Post('retry')
  async retry(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const reason = requireReason(body);
    const { retried } = await this.commands.execute(
      new RetryJobDeadLettersCommand(staffActor(request, reason), {
        job: body?.job,
        ...(body?.id ? { ids: [body.id] } : {}),
      }),
    );
    seeOther(reply, `/support/operations/jobs?done=${retried}+failed+run(s)+retried`);
  }
}
