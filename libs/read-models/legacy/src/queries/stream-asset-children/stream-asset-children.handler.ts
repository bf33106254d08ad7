import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { assetFromCurrent, lazily, NewAsset } from '@dailies/legacy';
import { ProjectPolicy } from '@dailies/core';
import { LEGACY_BATCH_SIZE } from '../../services/legacy-batches';
import { LegacyFacts } from '../../services/legacy-facts';
import { StreamAssetChildrenQuery } from './stream-asset-children.query';

/** The policy of ListChildrenQuery (viewers of a live asset), the order of its keyset. */
@QueryHandler(StreamAssetChildrenQuery)
export class StreamAssetChildrenHandler implements IQueryHandler<
  StreamAssetChildrenQuery,
  AsyncIterable<Iterable<NewAsset>>
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({
    actor,
    assetId,
  }: StreamAssetChildrenQuery): Promise<AsyncIterable<Iterable<NewAsset>>> {
    const { asset } = await this.policy.requireAsset(this.prisma, actor, assetId, 'viewer');
    const facts = this.facts;
    return (async function* () {
      let after: { sortOrder: string; id: string } | null = null;
      do {
        const batch = await facts.childrenBatch(asset.id, after, LEGACY_BATCH_SIZE);
        if (batch.rows.length > 0) yield lazily(batch.rows, assetFromCurrent);
        after = batch.rows.length === LEGACY_BATCH_SIZE ? batch.last : null;
      } while (after);
    })();
  }
}
