import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { assetFromCurrent, lazily, NewAsset } from '@dailies/legacy';
import { ProjectPolicy } from '@dailies/core';
import { LEGACY_BATCH_SIZE } from '../../services/legacy-batches';
import { LegacyFacts } from '../../services/legacy-facts';
import { StreamProjectAssetsQuery } from './stream-project-assets.query';

/**
 * Walks the project's tree from its root: each folder's or stack's live children in their order,
 * in keyset batches over the (parent_id, sort_order, id) index, folders depth-first. Every batch
 * costs the same however far the walk is, only the ids of folders still to visit are kept, and
 * trashed subtrees are never entered (a live asset always has a live parent chain to the root).
 * Each batch is its own statement (no connection is held while the client reads).
 */
@QueryHandler(StreamProjectAssetsQuery)
export class StreamProjectAssetsHandler implements IQueryHandler<
  StreamProjectAssetsQuery,
  AsyncIterable<Iterable<NewAsset>>
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({
    actor,
    projectId,
    batchSize,
  }: StreamProjectAssetsQuery): Promise<AsyncIterable<Iterable<NewAsset>>> {
    const { project } = await this.policy.requireProject(this.prisma, actor, projectId, 'viewer');
    const limit = Math.max(1, Math.min(batchSize ?? LEGACY_BATCH_SIZE, 10_000));
    const facts = this.facts;
    return (async function* () {
      const root = await facts.assets([project.rootAssetId]);
      if (root.length > 0) yield root;
      const pending: string[] = root.map((r) => r.row.id);
      while (pending.length > 0) {
        const parentId = pending.pop() as string;
        const containers: string[] = [];
        let after: { sortOrder: string; id: string } | null = null;
        do {
          const batch = await facts.childrenBatch(parentId, after, limit);
          if (batch.rows.length > 0) yield lazily(batch.rows, assetFromCurrent);
          for (const a of batch.rows) if (a.type !== 'file') containers.push(a.id);
          after = batch.rows.length === limit ? batch.last : null;
        } while (after);
        // Depth-first, the first sub-folder next.
        for (let i = containers.length - 1; i >= 0; i--) pending.push(containers[i]);
      }
    })();
  }
}
