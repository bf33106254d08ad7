import { Prisma } from '@dailies/db';
import { Db } from '../../shared/db';
import { USAGE_CONSUMER, UsagePayloadError, usageDeltaOf } from '../usage-rule';
import { UsageFigures } from '../views/usage.view';

interface RecountRow {
  storage_bytes: bigint;
  asset_count: number;
  pending: { name: string; payload: unknown }[];
}

/**
 * What the kept figures of an account should be right now: the usage rule over its assets,
 * minus the effect of usage events that committed but that the usage consumer has not applied
 * yet (it will add them on top of what we write). One statement, so the assets and the pending
 * events are read from the same snapshot; call it while holding the account_usage row lock, so
 * that no delivery applies in between.
 */
export async function recountUsage(db: Db, accountId: string): Promise<UsageFigures> {
  const [row] = await db.$queryRaw<RecountRow[]>(Prisma.sql`
    SELECT
      (SELECT coalesce(sum(filesize) FILTER (WHERE type = 'file' AND status <> 'uploading'), 0)
         FROM assets WHERE account_id = ${accountId}::uuid)::bigint AS storage_bytes,
      (SELECT count(*) FILTER (WHERE type = 'file')
         FROM assets WHERE account_id = ${accountId}::uuid)::int AS asset_count,
      (SELECT coalesce(json_agg(json_build_object('name', e.name, 'payload', e.payload)), '[]')
         FROM event_deliveries d JOIN events e ON e.id = d.event_id
         WHERE d.consumer = ${USAGE_CONSUMER} AND d.state = 'pending'
           AND e.account_id = ${accountId}::uuid
           AND NOT EXISTS (
             SELECT 1 FROM processed_events p
             WHERE p.consumer = ${USAGE_CONSUMER} AND p.event_id = d.event_id)) AS pending`);
  let storageBytes = Number(row?.storage_bytes ?? 0n);
  let assetCount = row?.asset_count ?? 0;
  for (const event of row?.pending ?? []) {
    const delta = pendingDelta(event.name, event.payload);
    storageBytes -= delta?.storageBytes ?? 0;
    assetCount -= delta?.assetCount ?? 0;
  }
  return { storageBytes, assetCount };
}

function pendingDelta(name: string, payload: unknown) {
  try {
    return usageDeltaOf(name, payload);
  } catch (error) {
    // The consumer cannot apply it either (it will end up dead-lettered): it changes nothing.
    if (error instanceof UsagePayloadError) return null;
    throw error;
  }
}
