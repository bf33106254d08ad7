import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import {
  GetAccountQuery,
  GetAssetQuery,
  GetMeQuery,
  GetProjectQuery,
  GetReviewLinkQuery,
  GetTeamQuery,
  ListAuditLogQuery,
  ListNotificationsQuery,
  notFound,
  SearchProjectQuery,
} from '@dailies/core';
import { LegacyKind, ResolveLegacyIdQuery } from '@dailies/read-models-graphql';
import { actorOf, GraphqlContext } from '../context';
import { PageArgs, pageOf, toConnection } from '../types/connection';
import { AuditLogFilter, NotificationFilter } from '../types/inputs';
import {
  Account,
  Asset,
  AuditEntryConnection,
  NotificationConnection,
  Project,
  ReviewLink,
  SearchHitConnection,
  Team,
  User,
} from '../types/models';
import { Bus, plain } from './bus';

/** The entry points; each is one /v2 GET through the same query. Ids may be legacy ids. */
@Resolver()
export class QueryResolver {
  constructor(private readonly bus: Bus) {}

  @Query(() => User, { description: 'The caller' })
  async me(@Context() ctx: GraphqlContext) {
    return this.bus.query(ctx, new GetMeQuery(await actorOf(ctx)));
  }

  @Query(() => Account)
  async account(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    const accountId = await this.resolveId(ctx, 'account', id, 'Account');
    return this.bus.query(ctx, new GetAccountQuery(actor, accountId));
  }

  @Query(() => Team)
  async team(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    return this.bus.query(
      ctx,
      new GetTeamQuery(actor, await this.resolveId(ctx, 'team', id, 'Team')),
    );
  }

  @Query(() => Project)
  async project(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    const projectId = await this.resolveId(ctx, 'project', id, 'Project');
    return this.bus.query(ctx, new GetProjectQuery(actor, projectId));
  }

  @Query(() => Asset, { description: 'One asset with its properties' })
  async asset(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    return this.bus.query(
      ctx,
      new GetAssetQuery(actor, await this.resolveId(ctx, 'asset', id, 'Asset')),
    );
  }

  @Query(() => ReviewLink)
  async reviewLink(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    const linkId = await this.resolveId(ctx, 'reviewLink', id, 'Review link');
    return this.bus.query(ctx, new GetReviewLinkQuery(actor, linkId));
  }

  @Query(() => SearchHitConnection, {
    description: 'Asset names and comment texts of a project (case-insensitive substring)',
  })
  async search(
    @Context() ctx: GraphqlContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('q') q: string,
    @Args() page: PageArgs,
  ) {
    const actor = await actorOf(ctx);
    const result = await this.bus.query(
      ctx,
      new SearchProjectQuery(actor, projectId, { ...pageOf(page), q }),
    );
    return toConnection(result);
  }

  @Query(() => NotificationConnection, { description: 'The caller’s inbox, newest first' })
  async notifications(
    @Context() ctx: GraphqlContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => NotificationFilter, nullable: true }) filter?: NotificationFilter,
  ) {
    const actor = await actorOf(ctx);
    const input = { ...pageOf(page), ...(filter?.unread ? { unread: 'true' } : {}) };
    const result = await this.bus.query(ctx, new ListNotificationsQuery(actor, input));
    return toConnection(result);
  }

  @Query(() => AuditEntryConnection, { description: 'An account’s audit log, newest first' })
  async auditLog(
    @Context() ctx: GraphqlContext,
    @Args('accountId', { type: () => ID }) accountId: string,
    @Args() page: PageArgs,
    @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter?: AuditLogFilter,
  ) {
    const actor = await actorOf(ctx);
    const result = await this.bus.query(
      ctx,
      new ListAuditLogQuery(actor, accountId, { ...plain(filter), ...pageOf(page) }),
    );
    return toConnection(result);
  }

  private async resolveId(
    ctx: GraphqlContext,
    kind: LegacyKind,
    id: string,
    what: string,
  ): Promise<string> {
    const resolved = await this.bus.query(ctx, new ResolveLegacyIdQuery(kind, id));
    if (!resolved) throw notFound(what);
    return resolved;
  }
}
