import { Inject, Injectable, Optional } from '@nestjs/common';
import { Cache, CACHE, cacheKeys, cacheTags } from '@dailies/cache';
import { AssetView } from '../views/asset.view';

/**
 * Read-through caching of GET /v2/assets/:id's answer, in two entries whose tags are known before
 * the load (so a load overtaken by a change is never stored, and Redis can version the tags):
 * - the asset's project (fixed for the asset's life; tag `asset:<id>`, so the creation of an id
 *   once answered "no such asset" drops the null);
 * - the live asset's view (null when trashed or gone), tagged with the asset, its project and
 *   the project's assets: every asset event of a project drops its project's tag (cache
 *   consumer rules), which covers what a view shows of other rows (a stack's head version) and
 *   subtree changes (trashing a folder trashes the file inside it).
 * Access is not part of these entries: the policy checks it on every request (from its own
 * cached facts), so a removed permission is refused even while the view stays cached.
 */
@Injectable()
export class AssetReadCache {
  constructor(@Optional() @Inject(CACHE) private readonly cache?: Cache) {}

  async projectOf(assetId: string, load: () => Promise<string | null>): Promise<string | null> {
    if (!this.cache) return load();
    return this.cache.getOrLoad(cacheKeys.assetProject(assetId), load, {
      tags: [cacheTags.asset(assetId)],
    });
  }

  async liveView(
    assetId: string,
    projectId: string,
    load: () => Promise<AssetView | null>,
  ): Promise<AssetView | null> {
    if (!this.cache) return load();
    return this.cache.getOrLoad(cacheKeys.assetView(assetId), load, {
      tags: [
        cacheTags.asset(assetId),
        cacheTags.project(projectId),
        cacheTags.projectAssets(projectId),
      ],
    });
  }
}
