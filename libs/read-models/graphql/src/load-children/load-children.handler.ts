import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, Prisma, PrismaService } from '@dailies/db';
import {
  validationFailed,
  decodeCursor,
  encodeCursor,
  Page,
  withItemCursors,
  AssetView,
} from '@dailies/core';
import { toAssetViews } from '@dailies/core/read-support';
import { emptyPage } from '../batch-page';
import { LoaderGrants } from '../loader-grants';
import { LoadChildrenQuery } from './load-children.query';

/**
 * One statement picks the first `limit + 1` children of every parent (a window per parent over
 * the (parent_id, sort_order) index), one loads them, one more the stacks' heads: the cost does
 * not depend on how many parents or children there are.
 */
@QueryHandler(LoadChildrenQuery)
export class LoadChildrenHandler implements IQueryHandler<LoadChildrenQuery, Page<AssetView>[]> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly grants: LoaderGrants,
  ) {}

  async execute({ actor, parentIds, input }: LoadChildrenQuery): Promise<Page<AssetView>[]> {
    const uuids = [...new Set(parentIds.filter(isUuid))];
    const parents = uuids.length
      ? await this.prisma.asset.findMany({
          where: { id: { in: uuids }, deletedAt: null },
          select: { id: true, projectId: true },
        })
      : [];
    const grants = await this.grants.of(
      this.prisma,
      actor,
      parents.map((p) => p.projectId),
    );
    const visible = parents.filter((p) => grants.has(p.projectId)).map((p) => p.id);
    if (visible.length === 0) return parentIds.map(() => emptyPage());
    const after = cursorKey(input.cursor);
    const picked = await this.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT id::text AS id FROM (
        SELECT a.id, row_number() OVER (PARTITION BY a.parent_id ORDER BY a.sort_order, a.id) AS rn
        FROM assets a
        WHERE a.parent_id = ANY(${visible}::uuid[]) AND a.deleted_at IS NULL
          ${input.type ? Prisma.sql`AND a.type = ${input.type}::asset_type` : Prisma.empty}
          ${input.label ? Prisma.sql`AND a.label = ${input.label}::asset_label` : Prisma.empty}
          ${input.status ? Prisma.sql`AND a.status = ${input.status}::asset_status` : Prisma.empty}
          ${
            after
              ? Prisma.sql`AND (a.sort_order, a.id) > (${after.sortOrder}::bigint, ${after.id}::uuid)`
              : Prisma.empty
          }
      ) ranked
      WHERE rn <= ${input.limit + 1}::int`);
    const rows = picked.length
      ? await this.prisma.asset.findMany({
          where: { id: { in: picked.map((p) => p.id) } },
          omit: { properties: true },
          orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
        })
      : [];
    const views = new Map((await toAssetViews(this.prisma, rows)).map((v) => [v.id, v]));
    const byParent = new Map<string, typeof rows>();
    for (const row of rows) {
      const parentId = row.parentId ?? '';
      byParent.set(parentId, [...(byParent.get(parentId) ?? []), row]);
    }
    return parentIds.map((parentId) => {
      const children = byParent.get(parentId) ?? [];
      const page = children.slice(0, input.limit);
      const last = page[page.length - 1];
      const shown = page.filter((row) => views.has(row.id));
      return withItemCursors(
        {
          data: shown.map((row) => views.get(row.id)).filter((v): v is AssetView => !!v),
          nextCursor:
            children.length > input.limit && last
              ? encodeCursor([String(last.sortOrder), last.id])
              : null,
        },
        shown.map((row) => encodeCursor([String(row.sortOrder), row.id])),
      );
    });
  }
}

function cursorKey(cursor: string | undefined): { sortOrder: string; id: string } | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const [sortOrder, id] = key;
  if (
    typeof sortOrder === 'string' &&
    /^-?\d{1,19}$/.test(sortOrder) &&
    typeof id === 'string' &&
    isUuid(id)
  ) {
    return { sortOrder, id };
  }
  throw validationFailed(
    [{ field: 'cursor', message: 'is not a cursor this API returned' }],
    'The cursor is not valid',
  );
}
