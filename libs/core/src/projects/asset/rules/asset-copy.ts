import { Asset, Comment, newId, Prisma } from '@dailies/db';
import { Db } from '../../../shared/db';

/** The live subtree under `rootId`, parents before children. */
export async function loadLiveSubtree(db: Db, rootId: string): Promise<Asset[]> {
  const rows = await db.$queryRaw<{ id: string; depth: number }[]>(Prisma.sql`
    WITH RECURSIVE sub AS (
      SELECT id, 0 AS depth FROM assets WHERE id = ${rootId}::uuid AND deleted_at IS NULL
      UNION ALL
      SELECT a.id, sub.depth + 1 FROM assets a JOIN sub ON a.parent_id = sub.id
      WHERE a.deleted_at IS NULL
    )
    SELECT id::text, depth FROM sub`);
  const depth = new Map(rows.map((r) => [r.id, r.depth]));
  const assets = await db.asset.findMany({ where: { id: { in: [...depth.keys()] } } });
  return assets.sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0));
}

/**
 * New rows for a copy of `subtree` (parents first, its first row the root): fresh ids, the same
 * shape and order, the root placed under `parentId` at `sortOrder` as a plain (version 1) item.
 * Whoever copies becomes the creator of the copies.
 */
export function copiedAssetRows(
  subtree: readonly Asset[],
  placement: { parentId: string; sortOrder: bigint; creatorId: string | null },
): { rows: Prisma.AssetCreateManyInput[]; newIds: Map<string, string> } {
  const newIds = new Map(subtree.map((a) => [a.id, newId()]));
  const rows = subtree.map((a, i): Prisma.AssetCreateManyInput => {
    const isRoot = i === 0;
    const id = newIds.get(a.id) ?? newId();
    return {
      id,
      projectId: a.projectId,
      accountId: a.accountId,
      parentId: isRoot ? placement.parentId : (newIds.get(a.parentId ?? '') ?? null),
      type: a.type,
      name: a.name,
      filetype: a.filetype,
      filesize: a.filesize,
      duration: a.duration,
      fps: a.fps,
      frames: a.frames,
      status: a.status,
      label: a.label,
      sortOrder: isRoot ? placement.sortOrder : a.sortOrder,
      version: isRoot ? 1 : a.version,
      properties: a.properties as Prisma.InputJsonValue,
      // The copy presents the same stored bytes (objects are never rewritten in place).
      storageKey: a.storageKey,
      creatorId: placement.creatorId ?? a.creatorId,
    };
  });
  return { rows, newIds };
}

/** Copies of the comments on the copied assets: top-level ones first, replies re-linked. */
export function copiedCommentRows(
  comments: readonly Comment[],
  assetIds: ReadonlyMap<string, string>,
): Prisma.CommentCreateManyInput[] {
  const commentIds = new Map(comments.map((c) => [c.id, newId()]));
  const ordered = [...comments].sort(
    (a, b) => Number(a.parentId !== null) - Number(b.parentId !== null),
  );
  return ordered.flatMap((c) => {
    const assetId = assetIds.get(c.assetId);
    const id = commentIds.get(c.id);
    // A reply to a comment that is not copied (a deleted one) goes with it.
    const parentId = c.parentId === null ? null : commentIds.get(c.parentId);
    if (!assetId || !id || parentId === undefined) return [];
    return [
      {
        id,
        assetId,
        projectId: c.projectId,
        accountId: c.accountId,
        parentId,
        authorId: c.authorId,
        authorName: c.authorName,
        reviewLinkId: c.reviewLinkId,
        text: c.text,
        frame: c.frame,
        durationFrames: c.durationFrames,
        annotation: (c.annotation ?? Prisma.DbNull) as Prisma.InputJsonValue,
        private: c.private,
        completedAt: c.completedAt,
        completedById: c.completedById,
        editedAt: c.editedAt,
        createdAt: c.createdAt,
      },
    ];
  });
}

/**
 * The copies keep what processing learned of their originals (facts, rate, output keys): a copy
 * is the same file, so its comments stay frame-accurate and its proxy plays. The output keys
 * still name the original's folder (outputs are never rewritten once stored).
 */
export async function copyAssetMedia(db: Db, assetIds: ReadonlyMap<string, string>): Promise<void> {
  if (assetIds.size === 0) return;
  const from = [...assetIds.keys()];
  const to = from.map((id) => assetIds.get(id) ?? id);
  await db.$executeRaw(Prisma.sql`
    INSERT INTO asset_media (asset_id, version, attempts, duration_seconds, frame_rate_num,
      frame_rate_den, frame_count, width, height, video_codec, audio_codec, audio_channels,
      facts, outputs, failure_reason, processed_at)
    SELECT x.new_id, m.version, m.attempts, m.duration_seconds, m.frame_rate_num,
      m.frame_rate_den, m.frame_count, m.width, m.height, m.video_codec, m.audio_codec,
      m.audio_channels, m.facts, m.outputs, m.failure_reason, m.processed_at
    FROM unnest(${from}::uuid[], ${to}::uuid[]) AS x(old_id, new_id)
    JOIN asset_media m ON m.asset_id = x.old_id`);
}
