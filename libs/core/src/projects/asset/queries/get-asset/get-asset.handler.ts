import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { ProjectPolicy } from '../../../project';
import { toAssetViewOf } from '../../rules/asset-views';
import { AssetView } from '../../views/asset.view';
import { GetAssetQuery } from './get-asset.query';

/** One live asset with its properties (a stack with its head version). */
@QueryHandler(GetAssetQuery)
export class GetAssetHandler implements IQueryHandler<GetAssetQuery, AssetView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, assetId }: GetAssetQuery): Promise<AssetView> {
    const { asset } = await this.policy.requireAsset(this.prisma, actor, assetId, 'viewer');
    return toAssetViewOf(this.prisma, asset);
  }
}
