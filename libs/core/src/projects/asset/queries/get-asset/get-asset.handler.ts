import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import { notFound } from '../../../../shared/errors';
import { ProjectPolicy } from '../../../project';
import { AssetReadCache } from '../../rules/asset-read-cache';
import { toAssetViewOf } from '../../rules/asset-views';
import { AssetView } from '../../views/asset.view';
import { GetAssetQuery } from './get-asset.query';

/**
 * One live asset with its properties (a stack with its head version). The hottest read: the
 * asset's view comes from the read cache (AssetReadCache) and the caller's access is checked on
 * every request from the policy's cached facts — a warm request reads nothing from the database.
 */
@QueryHandler(GetAssetQuery)
export class GetAssetHandler implements IQueryHandler<GetAssetQuery, AssetView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    private readonly cache: AssetReadCache,
  ) {}

  async execute({ actor, assetId }: GetAssetQuery): Promise<AssetView> {
    if (!isUuid(assetId)) throw notFound('Asset');
    const projectId = await this.cache.projectOf(assetId, async () => {
      const row = await this.prisma.asset.findUnique({
        where: { id: assetId },
        select: { projectId: true },
      });
      return row?.projectId ?? null;
    });
    if (!projectId) throw notFound('Asset');
    // Access first: what the caller may not see is not found, whether or not it is cached.
    await this.policy.requireAssetProject(this.prisma, actor, projectId, 'viewer');
    const view = await this.cache.liveView(assetId, projectId, async () => {
      const asset = await this.prisma.asset.findUnique({ where: { id: assetId } });
      return asset && asset.deletedAt === null ? toAssetViewOf(this.prisma, asset) : null;
    });
    if (!view) throw notFound('Asset');
    return view;
  }
}
