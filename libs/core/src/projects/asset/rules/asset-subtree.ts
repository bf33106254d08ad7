import { Prisma } from '@dailies/db';
import { Db } from '../../../shared/db';
import { AssetUsage } from './asset-usage';

interface UsageRow {
  asset_count: number;
  file_count: number;
  storage_bytes: bigint;
}

const usageColumns = Prisma.sql`
  count(*)::int AS asset_count,
  (count(*) FILTER (WHERE type = 'file'))::int AS file_count,
  coalesce(sum(filesize) FILTER (WHERE type = 'file' AND status <> 'uploading'), 0)::bigint
    AS storage_bytes`;

const toUsage = (row: UsageRow | undefined): AssetUsage => ({
  assetCount: row?.asset_count ?? 0,
  fileCount: row?.file_count ?? 0,
  storageBytes: Number(row?.storage_bytes ?? 0),
});

/** Usage of everything trashed together under `trashRootId`. */
export async function trashUsage(db: Db, trashRootId: string): Promise<AssetUsage> {
  const [row] = await db.$queryRaw<UsageRow[]>(Prisma.sql`
    SELECT ${usageColumns} FROM assets WHERE trash_root_id = ${trashRootId}::uuid`);
  return toUsage(row);
}

/** True when `nodeId` is `ancestorId` or lies anywhere below it. */
export async function isWithin(db: Db, nodeId: string, ancestorId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ within: boolean }[]>(Prisma.sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_id FROM assets WHERE id = ${nodeId}::uuid
      UNION ALL
      SELECT a.id, a.parent_id FROM assets a JOIN up ON a.id = up.parent_id
    )
    SELECT EXISTS (SELECT 1 FROM up WHERE id = ${ancestorId}::uuid) AS within`);
  return row?.within ?? false;
}
