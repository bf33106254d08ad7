import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Asset, PrismaService } from '@dailies/db';
import { ReviewLinkAccess } from '../../rules/review-link-access';
import { ReviewPageView, toReviewAssetView } from '../../views/review-link.view';
import { OpenReviewLinkQuery } from './open-review-link.query';

/** The review page: the link's name and settings and its shared assets, in link order. */
@QueryHandler(OpenReviewLinkQuery)
export class OpenReviewLinkHandler implements IQueryHandler<OpenReviewLinkQuery, ReviewPageView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: ReviewLinkAccess,
  ) {}

  async execute({ credentials }: OpenReviewLinkQuery): Promise<ReviewPageView> {
    const { link } = await this.access.open(credentials);
    const items = await this.prisma.reviewLinkItem.findMany({
      where: { reviewLinkId: link.id, asset: { deletedAt: null } },
      orderBy: { position: 'asc' },
      include: { asset: true },
    });
    const stacks = await this.versionsOf(
      items.filter((i) => i.asset.type === 'version_stack').map((i) => i.assetId),
    );
    return {
      name: link.name,
      allowDownload: link.allowDownload,
      allowComments: link.allowComments,
      expiresAt: link.expiresAt?.toISOString() ?? null,
      items: items.map(({ asset }) => {
        const versions = stacks.get(asset.id);
        const head = versions?.[versions.length - 1];
        return toReviewAssetView(
          asset,
          versions && head ? { versionCount: versions.length, head } : undefined,
        );
      }),
    };
  }

  /** The versions of each stack, in version order (the last one is the head). */
  private async versionsOf(stackIds: string[]): Promise<Map<string, Asset[]>> {
    const byStack = new Map<string, Asset[]>();
    if (stackIds.length === 0) return byStack;
    const versions = await this.prisma.asset.findMany({
      where: { parentId: { in: stackIds }, type: 'file', deletedAt: null },
      orderBy: [{ version: 'asc' }, { id: 'asc' }],
    });
    for (const version of versions) {
      const stackId = version.parentId ?? '';
      byStack.set(stackId, [...(byStack.get(stackId) ?? []), version]);
    }
    return byStack;
  }
}
