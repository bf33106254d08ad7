import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Asset, isUuid, Prisma, PrismaService } from '@dailies/db';
import { actorUserId } from '@dailies/events';
import { encodeCursor, Page, withItemCursors } from '@dailies/core';
import {
  commentCursorKey,
  commentsAfter,
  decodeCommentCursor,
  CommentRow,
  CommentThreadView,
  toCommentThreadView,
} from '@dailies/core/read-support';
import { emptyPage } from '../batch-page';
import { LoaderGrants } from '../loader-grants';
import { selectCommentRows } from './comment-rows';
import { LoadCommentThreadsQuery } from './load-comment-threads.query';

/**
 * Four statements for any number of assets: the assets, the stacks' head versions, the first
 * top-level comments of every target (a window per asset), and all their replies.
 */
@QueryHandler(LoadCommentThreadsQuery)
export class LoadCommentThreadsHandler implements IQueryHandler<
  LoadCommentThreadsQuery,
  Page<CommentThreadView>[]
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly grants: LoaderGrants,
  ) {}

  async execute({
    actor,
    assetIds,
    input,
  }: LoadCommentThreadsQuery): Promise<Page<CommentThreadView>[]> {
    const uuids = [...new Set(assetIds.filter(isUuid))];
    const assets = uuids.length
      ? await this.prisma.asset.findMany({
          where: { id: { in: uuids }, deletedAt: null, type: { not: 'folder' } },
          omit: { properties: true },
        })
      : [];
    const grants = await this.grants.of(
      this.prisma,
      actor,
      assets.map((a) => a.projectId),
    );
    const visible = assets.filter((a) => grants.has(a.projectId));
    const targets = await this.targetsOf(visible);
    const insiderTargets: string[] = [];
    const outsiderTargets: string[] = [];
    for (const asset of visible) {
      const target = targets.get(asset.id);
      if (!target) continue;
      (grants.get(asset.projectId)?.insider ? insiderTargets : outsiderTargets).push(target);
    }
    if (insiderTargets.length + outsiderTargets.length === 0) {
      return assetIds.map(() => emptyPage());
    }
    const viewerId = actorUserId(actor) ?? null;
    const after = decodeCommentCursor(input.cursor, input.sort);
    const order =
      input.sort === 'frame'
        ? Prisma.sql`c.frame ASC NULLS LAST, c.created_at ASC, c.id ASC`
        : Prisma.sql`c.created_at ASC, c.id ASC`;
    const seeable = Prisma.sql`(c.asset_id = ANY(${insiderTargets}::uuid[])
      OR (c.asset_id = ANY(${outsiderTargets}::uuid[]) AND NOT c.private))`;
    const top = await selectCommentRows(
      this.prisma,
      viewerId,
      Prisma.sql`c.parent_id IS NULL AND ${seeable} AND ${commentsAfter(after)}`,
      order,
      input.limit + 1,
    );
    const replies = top.length
      ? await selectCommentRows(
          this.prisma,
          viewerId,
          Prisma.sql`c.parent_id = ANY(${top.map((r) => r.id)}::uuid[]) AND ${seeable}`,
          Prisma.sql`c.created_at ASC, c.id ASC`,
        )
      : [];
    const repliesOf = groupBy(replies, (r) => r.parentId ?? '');
    const threadsOf = groupBy(top, (r) => r.assetId);
    return assetIds.map((assetId) => {
      const target = targets.get(assetId);
      const rows = target ? (threadsOf.get(target) ?? []) : [];
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      return withItemCursors(
        {
          data: page.map((r) => toCommentThreadView(r, repliesOf.get(r.id) ?? [])),
          nextCursor:
            rows.length > input.limit && last
              ? encodeCursor(commentCursorKey(last, input.sort))
              : null,
        },
        page.map((r) => encodeCursor(commentCursorKey(r, input.sort))),
      );
    });
  }

  /** Where each asset's comments live: a file's own id, a stack's head version's. */
  private async targetsOf(assets: Omit<Asset, 'properties'>[]): Promise<Map<string, string>> {
    const targets = new Map<string, string>();
    const stacks: string[] = [];
    for (const asset of assets) {
      if (asset.type === 'file') targets.set(asset.id, asset.id);
      else stacks.push(asset.id);
    }
    if (stacks.length === 0) return targets;
    const heads = await this.prisma.$queryRaw<{ stackId: string; headId: string }[]>(Prisma.sql`
      SELECT DISTINCT ON (a.parent_id) a.parent_id::text AS "stackId", a.id::text AS "headId"
      FROM assets a
      WHERE a.parent_id = ANY(${stacks}::uuid[]) AND a.type = 'file' AND a.deleted_at IS NULL
      ORDER BY a.parent_id, a.version DESC, a.id DESC`);
    for (const { stackId, headId } of heads) targets.set(stackId, headId);
    return targets;
  }
}

function groupBy(rows: CommentRow[], key: (row: CommentRow) => string): Map<string, CommentRow[]> {
  const groups = new Map<string, CommentRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}
