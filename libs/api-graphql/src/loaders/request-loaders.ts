import { QueryBus } from '@nestjs/cqrs';
import { AssetView, CommentThreadView, Page, ProjectView } from '@dailies/core';
import {
  LoadAssetsQuery,
  LoadChildrenQuery,
  LoadCommentThreadsQuery,
  LoadProjectsQuery,
  LoadVersionsQuery,
} from '@dailies/read-models-graphql';
import { Actor } from '@dailies/events';
import DataLoader from 'dataloader';

/**
 * Request-scoped DataLoaders: every relation the schema nests (asset → project, folder →
 * children, stack → versions, asset → comments) is batched into one domain query per tick,
 * whatever the page sizes. Paginated relations get one loader per distinct argument set.
 * `cache: false` (subscriptions) still batches but never serves a stale row to a later event.
 */
export class RequestLoaders {
  private readonly byArgs = new Map<string, DataLoader<string, unknown>>();
  readonly assets: DataLoader<string, AssetView | null>;
  readonly projects: DataLoader<string, ProjectView | null>;

  constructor(
    private readonly queries: QueryBus,
    private readonly actor: () => Promise<Actor>,
    private readonly cache = true,
  ) {
    this.assets = new DataLoader(
      async (ids) => this.queries.execute(new LoadAssetsQuery(await this.actor(), ids)),
      { cache },
    );
    this.projects = new DataLoader(
      async (ids) => this.queries.execute(new LoadProjectsQuery(await this.actor(), ids)),
      { cache },
    );
  }

  children(args: Record<string, unknown>): DataLoader<string, Page<AssetView>> {
    return this.keyed('children', args, async (ids) =>
      this.queries.execute(new LoadChildrenQuery(await this.actor(), ids, args)),
    );
  }

  versions(args: Record<string, unknown>): DataLoader<string, Page<AssetView>> {
    return this.keyed('versions', args, async (ids) =>
      this.queries.execute(new LoadVersionsQuery(await this.actor(), ids, args)),
    );
  }

  comments(args: Record<string, unknown>): DataLoader<string, Page<CommentThreadView>> {
    return this.keyed('comments', args, async (ids) =>
      this.queries.execute(new LoadCommentThreadsQuery(await this.actor(), ids, args)),
    );
  }

  private keyed<V>(
    kind: string,
    args: Record<string, unknown>,
    batch: (ids: readonly string[]) => Promise<V[]>,
  ): DataLoader<string, V> {
    const key = `${kind}:${JSON.stringify(args)}`;
    let loader = this.byArgs.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { cache: this.cache });
      this.byArgs.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
