import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, Prisma, PrismaService } from '@dailies/db';
import { decodeCursor, encodeCursor, Page, AssetView, toAssetView } from '@dailies/core';
import { emptyPage } from '../batch-page';
import { LoaderGrants } from '../loader-grants';
import { LoadVersionsQuery } from './load-versions.query';

/** Three statements for any number of stacks (stacks, picked versions, their rows). */
@QueryHandler(LoadVersionsQuery)
export class LoadVersionsHandler implements IQueryHandler<LoadVersionsQuery, Page<AssetView>[]> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly grants: LoaderGrants,
  ) {}

  async execute({ actor, stackIds, page }: LoadVersionsQuery): Promise<Page<AssetView>[]> {
    const uuids = [...new Set(stackIds.filter(isUuid))];
    const stacks = uuids.length
      ? await this.prisma.asset.findMany({
          where: { id: { in: uuids }, deletedAt: null, type: 'version_stack' },
          select: { id: true, projectId: true },
        })
      : [];
    const grants = await this.grants.of(
      this.prisma,
      actor,
      stacks.map((s) => s.projectId),
    );
    const visible = stacks.filter((s) => grants.has(s.projectId)).map((s) => s.id);
    if (visible.length === 0) return stackIds.map(() => emptyPage());
    const after = decodeCursor(page.cursor, 1);
    const afterVersion = after ? Number(after[0]) || 0 : 0;
    const picked = await this.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT id::text AS id FROM (
        SELECT a.id, row_number() OVER (PARTITION BY a.parent_id ORDER BY a.version, a.id) AS rn
        FROM assets a
        WHERE a.parent_id = ANY(${visible}::uuid[]) AND a.deleted_at IS NULL
          AND a.version > ${afterVersion}::int
      ) ranked
      WHERE rn <= ${page.limit + 1}::int`);
    const rows = picked.length
      ? await this.prisma.asset.findMany({
          where: { id: { in: picked.map((p) => p.id) } },
          omit: { properties: true },
          orderBy: [{ version: 'asc' }, { id: 'asc' }],
        })
      : [];
    return stackIds.map((stackId) => {
      const versions = rows.filter((r) => r.parentId === stackId);
      const items = versions.slice(0, page.limit);
      const last = items[items.length - 1];
      return {
        data: items.map((v) => toAssetView(v)),
        nextCursor: versions.length > page.limit && last ? encodeCursor([last.version]) : null,
      };
    });
  }
}
