import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import type { NewComment } from '@dailies/legacy';
import { ProjectPolicy } from '@dailies/core';
import { LEGACY_BATCH_SIZE } from '../../services/legacy-batches';
import { LegacyFacts } from '../../services/legacy-facts';
import { StreamAssetCommentsQuery } from './stream-asset-comments.query';

@QueryHandler(StreamAssetCommentsQuery)
export class StreamAssetCommentsHandler implements IQueryHandler<
  StreamAssetCommentsQuery,
  AsyncIterable<NewComment[]>
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({
    actor,
    assetId,
  }: StreamAssetCommentsQuery): Promise<AsyncIterable<NewComment[]>> {
    const { asset, insider } = await this.policy.requireAsset(
      this.prisma,
      actor,
      assetId,
      'viewer',
    );
    const facts = this.facts;
    return (async function* () {
      let after: { createdAt: Date; id: string } | null = null;
      do {
        const batch = await facts.commentsBatch(asset.id, insider, after, LEGACY_BATCH_SIZE);
        if (batch.length > 0) yield batch;
        const last = batch[batch.length - 1];
        after =
          batch.length === LEGACY_BATCH_SIZE && last
            ? { createdAt: last.row.createdAt, id: last.row.id }
            : null;
      } while (after);
    })();
  }
}
