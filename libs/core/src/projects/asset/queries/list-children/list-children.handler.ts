import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, Prisma, PrismaService } from '@dailies/db';
import { validationFailed } from '../../../../shared/errors';
import { decodeCursor, encodeCursor, Page } from '../../../../shared/pagination';
import { ProjectPolicy } from '../../../project';
import { toAssetViews } from '../../rules/asset-views';
import { AssetView } from '../../views/asset.view';
import { ListChildrenQuery } from './list-children.query';

/**
 * The live children of a folder (or the versions of a stack) in their custom order — sort key,
 * then id — without properties. Keyset pagination on (sort_order, id) walks the
 * (parent_id, sort_order) index, so every page costs the same however deep it is.
 */
@QueryHandler(ListChildrenQuery)
export class ListChildrenHandler implements IQueryHandler<ListChildrenQuery, Page<AssetView>> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, assetId, input }: ListChildrenQuery): Promise<Page<AssetView>> {
    const { asset } = await this.policy.requireAsset(this.prisma, actor, assetId, 'viewer');
    const after = cursorKey(input.cursor);
    const rows = await this.prisma.asset.findMany({
      where: {
        parentId: asset.id,
        deletedAt: null,
        ...(input.type ? { type: input.type } : {}),
        ...(input.label ? { label: input.label } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(after
          ? {
              // The redundant `gte` lets PostgreSQL start the index scan at the cursor.
              sortOrder: { gte: after.sortOrder },
              OR: [{ sortOrder: { gt: after.sortOrder } }, { id: { gt: after.id } }],
            }
          : {}),
      } satisfies Prisma.AssetWhereInput,
      omit: { properties: true },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      take: input.limit + 1,
    });
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      data: await toAssetViews(this.prisma, page),
      nextCursor:
        rows.length > input.limit && last ? encodeCursor([String(last.sortOrder), last.id]) : null,
    };
  }
}

function cursorKey(cursor: string | undefined): { sortOrder: bigint; id: string } | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const [sortOrder, id] = key;
  if (
    typeof sortOrder === 'string' &&
    /^-?\d{1,19}$/.test(sortOrder) &&
    typeof id === 'string' &&
    isUuid(id)
  ) {
    return { sortOrder: BigInt(sortOrder), id };
  }
  throw validationFailed(
    [{ field: 'cursor', message: 'is not a cursor this API returned' }],
    'The cursor is not valid',
  );
}
