import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import type { NewAsset, NewReviewLink } from '@dailies/legacy';
import { OpenReviewLinkQuery, notFound } from '@dailies/core';
import { LegacyFacts } from '../../services/legacy-facts';
import { OpenLegacyReviewLinkQuery } from './open-legacy-review-link.query';

export interface LegacyReviewPage {
  reviewLink: NewReviewLink;
  assets: NewAsset[];
}

@QueryHandler(OpenLegacyReviewLinkQuery)
export class OpenLegacyReviewLinkHandler implements IQueryHandler<
  OpenLegacyReviewLinkQuery,
  LegacyReviewPage
> {
  constructor(
    private readonly queries: QueryBus,
    private readonly prisma: PrismaService,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({ credentials }: OpenLegacyReviewLinkQuery): Promise<LegacyReviewPage> {
    // Throws exactly what /v2/review/:code throws (not found, gone, password required/wrong).
    await this.queries.execute(new OpenReviewLinkQuery(credentials));
    const link = await this.prisma.reviewLink.findUnique({
      where: { shortCode: credentials.code },
      select: { id: true },
    });
    if (!link) throw notFound('Review link');
    const items = await this.prisma.reviewLinkItem.findMany({
      where: { reviewLinkId: link.id, asset: { deletedAt: null } },
      orderBy: [{ position: 'asc' }, { assetId: 'asc' }],
      select: { assetId: true },
    });
    const [reviewLink] = await this.facts.reviewLinks([link.id]);
    if (!reviewLink) throw notFound('Review link');
    return { reviewLink, assets: await this.facts.assets(items.map((i) => i.assetId)) };
  }
}
