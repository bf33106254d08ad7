import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  GetAssetMediaQuery,
  ListCollaboratorsQuery,
  ListMyAccountsQuery,
  ListProjectsQuery,
  ListReviewLinksQuery,
  ListTeamsQuery,
  ListTrashQuery,
} from '@dailies/core';
import { actorOf, GraphqlContext } from '../context';
import { PageArgs, pageOf, toConnection } from '../types/connection';
import { CommentSort } from '../types/enums';
import {
  Account,
  AccountConnection,
  Asset,
  AssetConnection,
  CollaboratorConnection,
  Comment,
  CommentAuthor,
  CommentConnection,
  Project,
  ProjectConnection,
  ReviewLinkConnection,
  Team,
  TeamConnection,
  User,
} from '../types/models';
import { AssetType, AssetLabel, AssetStatus } from '../types/enums';
import { AssetMedia } from '../types/media';
import { Bus } from './bus';

// Relations a client walks: account → teams → projects → root asset → children (recursively)
// → versions → comments → replies. The asset and comment relations go through the request's
// DataLoaders (batched); the account-level ones are small lists read with the /v2 queries.

@Resolver(() => User)
export class UserRelations {
  constructor(private readonly bus: Bus) {}

  @ResolveField(() => AccountConnection, { description: 'The accounts the caller belongs to' })
  async accounts(@Context() ctx: GraphqlContext, @Args() page: PageArgs) {
    const actor = await actorOf(ctx);
    return toConnection(await this.bus.query(ctx, new ListMyAccountsQuery(actor, pageOf(page))));
  }
}

@Resolver(() => Account)
export class AccountRelations {
  constructor(private readonly bus: Bus) {}

  @ResolveField(() => TeamConnection)
  async teams(@Context() ctx: GraphqlContext, @Parent() account: Account, @Args() page: PageArgs) {
    const actor = await actorOf(ctx);
    return toConnection(
      await this.bus.query(ctx, new ListTeamsQuery(actor, account.id, pageOf(page))),
    );
  }
}

@Resolver(() => Team)
export class TeamRelations {
  constructor(private readonly bus: Bus) {}

  @ResolveField(() => ProjectConnection)
  async projects(
    @Context() ctx: GraphqlContext,
    @Parent() team: Team,
    @Args() page: PageArgs,
    @Args('archived', { nullable: true, description: 'true: the archived ones instead' })
    archived?: boolean,
  ) {
    const actor = await actorOf(ctx);
    const query = { ...pageOf(page), ...(archived ? { archived: 'true' } : {}) };
    return toConnection(await this.bus.query(ctx, new ListProjectsQuery(actor, team.id, query)));
  }
}

@Resolver(() => Project)
export class ProjectRelations {
  constructor(private readonly bus: Bus) {}

  @ResolveField(() => Asset, { nullable: true, description: 'The root folder' })
  rootAsset(@Context() ctx: GraphqlContext, @Parent() project: Project) {
    return project.rootAssetId ? ctx.loaders.assets.load(project.rootAssetId) : null;
  }

  @ResolveField(() => CollaboratorConnection)
  async collaborators(
    @Context() ctx: GraphqlContext,
    @Parent() project: Project,
    @Args() page: PageArgs,
  ) {
    const actor = await actorOf(ctx);
    return toConnection(
      await this.bus.query(ctx, new ListCollaboratorsQuery(actor, project.id, pageOf(page))),
    );
  }

  @ResolveField(() => ReviewLinkConnection)
  async reviewLinks(
    @Context() ctx: GraphqlContext,
    @Parent() project: Project,
    @Args() page: PageArgs,
  ) {
    const actor = await actorOf(ctx);
    return toConnection(
      await this.bus.query(ctx, new ListReviewLinksQuery(actor, project.id, pageOf(page))),
    );
  }

  @ResolveField(() => AssetConnection, { description: 'What was trashed, newest first' })
  async trash(@Context() ctx: GraphqlContext, @Parent() project: Project, @Args() page: PageArgs) {
    const actor = await actorOf(ctx);
    return toConnection(
      await this.bus.query(ctx, new ListTrashQuery(actor, project.id, pageOf(page))),
    );
  }
}

@Resolver(() => Asset)
export class AssetRelations {
  constructor(private readonly bus: Bus) {}

  @ResolveField(() => AssetMedia, {
    nullable: true,
    description:
      'Short-lived URLs to play and download a file (a stack: its latest version); null for folders',
  })
  async media(@Context() ctx: GraphqlContext, @Parent() asset: Asset) {
    if (asset.type === 'folder') return null;
    return this.bus.query(ctx, new GetAssetMediaQuery(await actorOf(ctx), asset.id));
  }

  @ResolveField(() => Project)
  project(@Context() ctx: GraphqlContext, @Parent() asset: Asset) {
    return ctx.loaders.projects.load(asset.projectId);
  }

  @ResolveField(() => Asset, { nullable: true })
  parent(@Context() ctx: GraphqlContext, @Parent() asset: Asset) {
    return asset.parentId ? ctx.loaders.assets.load(asset.parentId) : null;
  }

  @ResolveField(() => AssetConnection, {
    description: 'A folder’s children (a stack’s versions) in their custom order',
  })
  async children(
    @Context() ctx: GraphqlContext,
    @Parent() asset: Asset,
    @Args() page: PageArgs,
    @Args('type', { type: () => AssetType, nullable: true }) type?: string,
    @Args('label', { type: () => AssetLabel, nullable: true }) label?: string,
    @Args('status', { type: () => AssetStatus, nullable: true }) status?: string,
  ) {
    const args = { ...pageOf(page), type, label, status };
    return toConnection(await ctx.loaders.children(args).load(asset.id));
  }

  @ResolveField(() => AssetConnection, { description: 'A stack’s versions, version 1 first' })
  async versions(@Context() ctx: GraphqlContext, @Parent() asset: Asset, @Args() page: PageArgs) {
    if (asset.type !== 'version_stack') return toConnection({ data: [], nextCursor: null });
    return toConnection(await ctx.loaders.versions(pageOf(page)).load(asset.id));
  }

  @ResolveField(() => CommentConnection, {
    description: 'Top-level comments with their replies (a stack: its latest version’s)',
  })
  async comments(
    @Context() ctx: GraphqlContext,
    @Parent() asset: Asset,
    @Args() page: PageArgs,
    @Args('sort', { type: () => CommentSort, nullable: true }) sort?: string,
  ) {
    if (asset.type === 'folder') return toConnection({ data: [], nextCursor: null });
    const args = { ...pageOf(page), sort: sort ?? 'frame' };
    return toConnection(await ctx.loaders.comments(args).load(asset.id));
  }
}

@Resolver(() => Comment)
export class CommentRelations {
  @ResolveField(() => [Comment], { description: 'Replies, oldest first (none on a reply)' })
  replies(@Parent() comment: Comment): Comment[] {
    return comment.replies ?? [];
  }

  @ResolveField(() => Asset, { nullable: true })
  asset(@Context() ctx: GraphqlContext, @Parent() comment: Comment) {
    return ctx.loaders.assets.load(comment.assetId);
  }
}

@Resolver(() => CommentAuthor)
export class CommentAuthorFields {
  @ResolveField(() => Boolean)
  anonymous(@Parent() author: CommentAuthor): boolean {
    return author.id === null;
  }
}
