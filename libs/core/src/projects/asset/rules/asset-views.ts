import { Db } from '../../../shared/db';
import { AssetRow, AssetView, StackHead, toAssetView } from '../views/asset.view';

/**
 * Views of loaded assets; version stacks get their head and version count with one extra query
 * for all stacks together. A trashed stack shows the versions trashed with it.
 */
export async function toAssetViews(db: Db, rows: readonly AssetRow[]): Promise<AssetView[]> {
  const heads = await stackHeads(db, rows);
  return rows.map((row) => toAssetView(row, heads.get(row.id)));
}

export async function toAssetViewOf(db: Db, row: AssetRow): Promise<AssetView> {
  const [view] = await toAssetViews(db, [row]);
  return view;
}

async function stackHeads(db: Db, rows: readonly AssetRow[]): Promise<Map<string, StackHead>> {
  const stacks = rows.filter((r) => r.type === 'version_stack');
  const heads = new Map<string, StackHead>();
  if (stacks.length === 0) return heads;
  const versions = await db.asset.findMany({
    where: { parentId: { in: stacks.map((s) => s.id) } },
    omit: { properties: true },
  });
  for (const stack of stacks) {
    // A live stack's versions are live (no trash root); a trashed one's share its trash root.
    const own = versions.filter(
      (v) => v.parentId === stack.id && v.trashRootId === stack.trashRootId,
    );
    const head = own.reduce<(typeof own)[number] | undefined>(
      (best, v) => (!best || v.version > best.version ? v : best),
      undefined,
    );
    if (head) heads.set(stack.id, { head, versionCount: own.length });
  }
  return heads;
}
