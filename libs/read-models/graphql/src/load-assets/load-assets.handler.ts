import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import { toAssetViews } from '@dailies/core/read-support';
import { AssetView } from '@dailies/core';
import { LoaderGrants } from '../loader-grants';
import { LoadAssetsQuery } from './load-assets.query';

/** Two statements for any number of assets (plus one for version stacks' heads). */
@QueryHandler(LoadAssetsQuery)
export class LoadAssetsHandler implements IQueryHandler<LoadAssetsQuery, (AssetView | null)[]> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly grants: LoaderGrants,
  ) {}

  async execute({ actor, ids }: LoadAssetsQuery): Promise<(AssetView | null)[]> {
    const uuids = [...new Set(ids.filter(isUuid))];
    const rows =
      uuids.length === 0
        ? []
        : await this.prisma.asset.findMany({
            where: { id: { in: uuids }, deletedAt: null },
            omit: { properties: true },
          });
    const grants = await this.grants.of(
      this.prisma,
      actor,
      rows.map((r) => r.projectId),
    );
    const visible = rows.filter((r) => grants.has(r.projectId));
    const views = new Map((await toAssetViews(this.prisma, visible)).map((v) => [v.id, v]));
    return ids.map((id) => views.get(id) ?? null);
  }
}
