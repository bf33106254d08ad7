import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { NewProject } from '@dailies/legacy';
import { ListProjectsQuery, MAX_PAGE_SIZE, Page } from '@dailies/core';
import type { ProjectView } from '@dailies/core';
import { pagesOf } from '../../services/legacy-batches';
import { LegacyFacts } from '../../services/legacy-facts';
import { StreamTeamProjectsQuery } from './stream-team-projects.query';

/** The /v2 list of a team's projects (active, then archived), walked page by page. */
@QueryHandler(StreamTeamProjectsQuery)
export class StreamTeamProjectsHandler implements IQueryHandler<
  StreamTeamProjectsQuery,
  AsyncIterable<NewProject[]>
> {
  constructor(
    private readonly queries: QueryBus,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({ actor, teamId }: StreamTeamProjectsQuery): Promise<AsyncIterable<NewProject[]>> {
    const list =
      (archived: boolean) =>
      (cursor?: string): Promise<Page<ProjectView>> =>
        this.queries.execute(
          new ListProjectsQuery(actor, teamId, {
            limit: MAX_PAGE_SIZE,
            archived,
            ...(cursor ? { cursor } : {}),
          }),
        );
    const load = (ids: string[]) => this.facts.projects(ids);
    const active = await pagesOf(await list(false)(), list(false), load);
    return (async function* () {
      yield* active;
      yield* await pagesOf(await list(true)(), list(true), load);
    })();
  }
}
