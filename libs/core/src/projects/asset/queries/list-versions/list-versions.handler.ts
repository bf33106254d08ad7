import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { conflict } from '../../../../shared/errors';
import { decodeCursor, Page, toPage } from '../../../../shared/pagination';
import { ProjectPolicy } from '../../../project';
import { AssetView, toAssetView } from '../../views/asset.view';
import { ListVersionsQuery } from './list-versions.query';

/** The versions of a stack, version 1 first (without properties). */
@QueryHandler(ListVersionsQuery)
export class ListVersionsHandler implements IQueryHandler<ListVersionsQuery, Page<AssetView>> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, assetId, page }: ListVersionsQuery): Promise<Page<AssetView>> {
    const { asset } = await this.policy.requireAsset(this.prisma, actor, assetId, 'viewer');
    if (asset.type !== 'version_stack') {
      throw conflict('Only version stacks have versions', 'not_a_version_stack');
    }
    const after = decodeCursor(page.cursor, ['any']);
    const rows = await this.prisma.asset.findMany({
      where: {
        parentId: asset.id,
        deletedAt: null,
        ...(after ? { version: { gt: Number(after[0]) || 0 } } : {}),
      },
      omit: { properties: true },
      orderBy: [{ version: 'asc' }, { id: 'asc' }],
      take: page.limit + 1,
    });
    return toPage(
      rows,
      page.limit,
      (v) => [v.version],
      (v) => toAssetView(v),
    );
  }
}
