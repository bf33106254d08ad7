import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, Prisma, PrismaService } from '@dailies/db';
import { validationFailed } from '../../../../shared/errors';
import { decodeCursor, encodeCursor, Page } from '../../../../shared/pagination';
import { ProjectPolicy } from '../../../project';
import { toAssetViews } from '../../rules/asset-views';
import { purgeAfter } from '../../rules/asset-trash';
import { TrashedAssetView } from '../../views/asset.view';
import { ListTrashQuery } from './list-trash.query';

/**
 * What users trashed in a project (each trashed item once, not its subtree), newest first, with
 * the time it will be purged.
 */
@QueryHandler(ListTrashQuery)
export class ListTrashHandler implements IQueryHandler<ListTrashQuery, Page<TrashedAssetView>> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, projectId, page }: ListTrashQuery): Promise<Page<TrashedAssetView>> {
    const { project } = await this.policy.requireProject(this.prisma, actor, projectId, 'viewer');
    const after = cursorKey(page.cursor);
    // A trash root is the asset whose trash_root_id is its own id (a column comparison, which
    // Prisma's filters cannot express).
    const keys = await this.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT id::text FROM assets
      WHERE project_id = ${project.id}::uuid AND deleted_at IS NOT NULL AND trash_root_id = id
        ${after ? Prisma.sql`AND (deleted_at, id) < (${after.deletedAt}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY deleted_at DESC, id DESC
      LIMIT ${page.limit + 1}`);
    const ids = keys.slice(0, page.limit).map((k) => k.id);
    const rows = await this.prisma.asset.findMany({
      where: { id: { in: ids } },
      omit: { properties: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = ids.flatMap((id) => byId.get(id) ?? []);
    const views = await toAssetViews(this.prisma, ordered);
    const data = ordered.flatMap((row, i) =>
      row.deletedAt
        ? [
            {
              ...views[i],
              deletedAt: row.deletedAt.toISOString(),
              purgeAfter: purgeAfter(row.deletedAt).toISOString(),
            },
          ]
        : [],
    );
    const last = ordered[ordered.length - 1];
    return {
      data,
      nextCursor:
        keys.length > page.limit && last?.deletedAt
          ? encodeCursor([last.deletedAt.toISOString(), last.id])
          : null,
    };
  }
}

function cursorKey(cursor: string | undefined): { deletedAt: Date; id: string } | undefined {
  const key = decodeCursor(cursor, ['time', 'id']);
  if (!key) return undefined;
  const [at, id] = key;
  const deletedAt = typeof at === 'string' ? new Date(at) : new Date(NaN);
  if (!Number.isNaN(deletedAt.getTime()) && typeof id === 'string' && isUuid(id)) {
    return { deletedAt, id };
  }
  throw validationFailed(
    [{ field: 'cursor', message: 'is not a cursor this API returned' }],
    'The cursor is not valid',
  );
}
