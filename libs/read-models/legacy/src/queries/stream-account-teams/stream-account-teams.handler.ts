import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { NewTeam } from '@dailies/legacy';
import { ListTeamsQuery, MAX_PAGE_SIZE, Page } from '@dailies/core';
import type { TeamView } from '@dailies/core';
import { pagesOf } from '../../services/legacy-batches';
import { LegacyFacts } from '../../services/legacy-facts';
import { StreamAccountTeamsQuery } from './stream-account-teams.query';

/** The /v2 list of teams, walked page by page: the same query, so the same policy. */
@QueryHandler(StreamAccountTeamsQuery)
export class StreamAccountTeamsHandler implements IQueryHandler<
  StreamAccountTeamsQuery,
  AsyncIterable<NewTeam[]>
> {
  constructor(
    private readonly queries: QueryBus,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({ actor, accountId }: StreamAccountTeamsQuery): Promise<AsyncIterable<NewTeam[]>> {
    const page = (cursor?: string): Promise<Page<TeamView>> =>
      this.queries.execute(
        new ListTeamsQuery(actor, accountId, {
          limit: MAX_PAGE_SIZE,
          ...(cursor ? { cursor } : {}),
        }),
      );
    return pagesOf(await page(), page, (ids) => this.facts.teams(ids));
  }
}
