import { Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { StaffSearchQuery, StaffSearchResults } from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Pages } from '../pages';
import { staffActor } from '../staff-request';
import { SupportController } from '../support-controller';
import { sendPage } from './replies';

/** One search box; htmx swaps in the results as the staff member types. */
@SupportController('search')
export class SupportSearchController {
  constructor(
    private readonly queries: QueryBus,
    private readonly pages: Pages,
  ) {}

  @Get()
  async search(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('q') q?: string,
  ): Promise<void> {
    const query = typeof q === 'string' ? q.trim() : '';
    const results: StaffSearchResults | null =
      query.length >= 2
        ? await this.queries.execute(new StaffSearchQuery(staffActor(request), { q: query }))
        : null;
    const fragment =
      request.headers['hx-request'] === 'true' && request.headers['hx-target'] === 'results';
    sendPage(
      reply,
      200,
      this.pages.render(request, fragment ? 'search-results' : 'search', {
        title: 'Search',
        q: query,
        results,
      }),
    );
  }
}
