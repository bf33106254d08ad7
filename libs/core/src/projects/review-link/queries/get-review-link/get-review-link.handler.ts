import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { sharedAssetIds } from '../../rules/review-link-assets';
import { ReviewLinkPolicy } from '../../policy/review-link-policy';
import { ReviewLinkUrls } from '../../rules/review-link-urls';
import { ReviewLinkView, toReviewLinkView } from '../../views/review-link.view';
import { GetReviewLinkQuery } from './get-review-link.query';

/** One review link, for those who may manage it (editors and up): its URL is a key. */
@QueryHandler(GetReviewLinkQuery)
export class GetReviewLinkHandler implements IQueryHandler<GetReviewLinkQuery, ReviewLinkView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly links: ReviewLinkPolicy,
    private readonly urls: ReviewLinkUrls,
  ) {}

  async execute({ actor, reviewLinkId }: GetReviewLinkQuery): Promise<ReviewLinkView> {
    const { link } = await this.links.requireLink(this.prisma, actor, reviewLinkId, 'editor');
    const assetIds = (await sharedAssetIds(this.prisma, [link.id])).get(link.id) ?? [];
    return toReviewLinkView(link, assetIds, this.urls.of(link.shortCode));
  }
}
