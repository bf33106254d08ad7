import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import type { NewAsset } from '@dailies/legacy';
import { ProjectPolicy, DomainError, notFound } from '@dailies/core';
import { LegacyFacts } from '../../services/legacy-facts';
import { GetLegacyAssetQuery } from './get-legacy-asset.query';

/**
 * ProjectPolicy.requireAsset's rule (viewers of the asset's project; trashed ones included, as
 * API.md wants them back with deleted_at), in one read: the record first, then the project's
 * access from the policy's cached reads — the same round trips as GET /v2/assets/:id.
 */
@QueryHandler(GetLegacyAssetQuery)
export class GetLegacyAssetHandler implements IQueryHandler<GetLegacyAssetQuery, NewAsset> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({ actor, assetId }: GetLegacyAssetQuery): Promise<NewAsset> {
    const [asset] = isUuid(assetId) ? await this.facts.assets([assetId]) : [];
    if (!asset) throw notFound('Asset');
    try {
      await this.policy.requireProject(this.prisma, actor, asset.row.projectId, 'viewer');
    } catch (error) {
      // The asset exists only for those who may see its project.
      if (error instanceof DomainError && error.code === 'not_found') throw notFound('Asset');
      throw error;
    }
    return asset;
  }
}
