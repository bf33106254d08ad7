import { Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetDynasaurRunQuery, ListDynasaurRunsQuery } from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { staffActor } from '../staff-request';
import { StaffRoles, SupportController } from '../support-controller';
import { sendPage } from './replies';

/** What Dynasaur (the legacy migrator) did: its runs, per-table counts, rejects with samples. */
@SupportController('operations/dynasaur')
@StaffRoles('admin')
export class SupportDynasaurController {
  constructor(
    private readonly queries: QueryBus,
    private readonly pages: Pages,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const runs = await this.queries.execute(new ListDynasaurRunsQuery(staffActor(request), 50));
    sendPage(
      reply,
      200,
      this.pages.render(request, 'dynasaur-runs', { title: 'Dynasaur runs', runs }),
    );
  }

  @Get(':id')
  async show(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
  ): Promise<void> {
    const details = await this.queries.execute(new GetDynasaurRunQuery(staffActor(request), id));
    sendPage(
      reply,
      200,
      this.pages.render(request, 'dynasaur-run', {
        title: `Dynasaur run ${details.run.startedAt.toISOString().slice(0, 16)}`,
        ...details,
      }),
    );
  }
}
