import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, Prisma, PrismaService } from '@dailies/db';
import { validationFailed } from '../../../../shared/errors';
import { decodeCursor, encodeCursor, Page } from '../../../../shared/pagination';
import { ProjectPolicy } from '../../../project';
import { containsPattern } from '../../rules/asset-search';
import { toAssetViews } from '../../rules/asset-views';
import { SearchHit } from '../../views/asset.view';
import { SearchProjectQuery } from './search-project.query';

interface HitKey {
  kind: number;
  id: string;
  asset_id: string;
}

const ASSET = 0;
const COMMENT = 1;

/**
 * Case-insensitive substring search over one project: asset names first, then comment texts,
 * each newest first. Trashed assets (and their comments) and deleted comments never match;
 * private comments only for members of the project's account. The root folder is not a hit.
 */
@QueryHandler(SearchProjectQuery)
export class SearchProjectHandler implements IQueryHandler<SearchProjectQuery, Page<SearchHit>> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute(query: SearchProjectQuery): Promise<Page<SearchHit>> {
    const { project, insider } = await this.policy.requireProject(
      this.prisma,
      query.actor,
      query.projectId,
      'viewer',
    );
    const input = query.input();
    const after = cursorKey(input.cursor);
    const pattern = containsPattern(input.q);
    const keys = await this.prisma.$queryRaw<HitKey[]>(Prisma.sql`
      SELECT kind, id::text, asset_id::text FROM (
        SELECT ${ASSET}::int AS kind, a.id, a.id AS asset_id FROM assets a
        WHERE a.project_id = ${project.id}::uuid AND a.deleted_at IS NULL
          AND a.parent_id IS NOT NULL AND a.name ILIKE ${pattern}
        UNION ALL
        SELECT ${COMMENT}::int, c.id, c.asset_id FROM comments c
        JOIN assets a ON a.id = c.asset_id AND a.deleted_at IS NULL
        WHERE c.project_id = ${project.id}::uuid AND c.deleted_at IS NULL
          AND c.text ILIKE ${pattern} AND (${insider} OR NOT c.private)
      ) AS hits
      ${after ? Prisma.sql`WHERE kind > ${after.kind} OR (kind = ${after.kind} AND id < ${after.id}::uuid)` : Prisma.empty}
      ORDER BY kind, id DESC
      LIMIT ${input.limit + 1}`);
    const page = keys.slice(0, input.limit);
    const data = await this.hits(page);
    const last = page[page.length - 1];
    return {
      data,
      nextCursor: keys.length > input.limit && last ? encodeCursor([last.kind, last.id]) : null,
    };
  }

  private async hits(keys: readonly HitKey[]): Promise<SearchHit[]> {
    const assetIds = [...new Set(keys.map((k) => k.asset_id))];
    const commentIds = keys.filter((k) => k.kind === COMMENT).map((k) => k.id);
    const [assets, comments] = await Promise.all([
      this.prisma.asset.findMany({ where: { id: { in: assetIds } }, omit: { properties: true } }),
      commentIds.length
        ? this.prisma.comment.findMany({ where: { id: { in: commentIds } } })
        : Promise.resolve([]),
    ]);
    const views = await toAssetViews(this.prisma, assets);
    const assetView = new Map(views.map((v) => [v.id, v]));
    const commentById = new Map(comments.map((c) => [c.id, c]));
    return keys.flatMap((key): SearchHit[] => {
      const asset = assetView.get(key.asset_id);
      if (!asset) return [];
      if (key.kind === ASSET) return [{ kind: 'asset', asset }];
      const c = commentById.get(key.id);
      if (!c) return [];
      return [
        {
          kind: 'comment',
          asset,
          comment: {
            id: c.id,
            text: c.text,
            parentId: c.parentId,
            authorId: c.authorId,
            authorName: c.authorName,
            frame: c.frame,
            private: c.private,
            createdAt: c.createdAt.toISOString(),
          },
        },
      ];
    });
  }
}

function cursorKey(cursor: string | undefined): { kind: number; id: string } | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const [kind, id] = key;
  if ((kind === ASSET || kind === COMMENT) && typeof id === 'string' && isUuid(id)) {
    return { kind, id };
  }
  throw validationFailed(
    [{ field: 'cursor', message: 'is not a cursor this API returned' }],
    'The cursor is not valid',
  );
}
