import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import { validationFailed } from '../../../../shared/errors';
import { decodeCursor, Page, toPage } from '../../../../shared/pagination';
import { ProjectPolicy } from '../../../project';
import { sharedAssetIds } from '../../rules/review-link-assets';
import { ReviewLinkUrls } from '../../rules/review-link-urls';
import { ReviewLinkView, toReviewLinkView } from '../../views/review-link.view';
import { ListReviewLinksQuery } from './list-review-links.query';

/**
 * The project's review links, newest first. Viewers and up may list them: they see the shared
 * assets anyway, and knowing what went out to clients is part of following a review.
 */
@QueryHandler(ListReviewLinksQuery)
export class ListReviewLinksHandler implements IQueryHandler<
  ListReviewLinksQuery,
  Page<ReviewLinkView>
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    private readonly urls: ReviewLinkUrls,
  ) {}

  async execute({ actor, projectId, page }: ListReviewLinksQuery): Promise<Page<ReviewLinkView>> {
    const { project } = await this.policy.requireProject(this.prisma, actor, projectId, 'viewer');
    const before = decodeCursor(page.cursor, ['time', 'id']);
    const [createdAt, id] = before ?? [];
    if (before && (Number.isNaN(Date.parse(String(createdAt))) || !isUuid(String(id)))) {
      throw validationFailed([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
    }
    const olderThanCursor = before
      ? {
          OR: [
            { createdAt: { lt: new Date(String(createdAt)) } },
            { createdAt: new Date(String(createdAt)), id: { lt: String(id) } },
          ],
        }
      : {};
    const rows = await this.prisma.reviewLink.findMany({
      where: { projectId: project.id, ...olderThanCursor },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: page.limit + 1,
    });
    const assetIds = await sharedAssetIds(
      this.prisma,
      rows.slice(0, page.limit).map((r) => r.id),
    );
    return toPage(
      rows,
      page.limit,
      (r) => [r.createdAt.toISOString(), r.id],
      (r) => toReviewLinkView(r, assetIds.get(r.id) ?? [], this.urls.of(r.shortCode)),
    );
  }
}
