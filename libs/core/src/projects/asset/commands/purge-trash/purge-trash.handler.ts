import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Prisma } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { ObjectStorage } from '@dailies/storage';
import { Db } from '../../../../shared/db';
import { forbidden } from '../../../../shared/errors';
import { AssetHardDeleted } from '../../asset.events';
import { assetSubject } from '../../rules/asset-scope';
import { trashUsage } from '../../rules/asset-subtree';
import { AssetUsage } from '../../rules/asset-usage';
import { TRASH_RETENTION_DAYS } from '../../rules/asset-trash';
import { PurgeTrashCommand } from './purge-trash.command';

export interface PurgeTrashResult extends AssetUsage {
  /** Trashed items (trash roots) deleted, each with everything trashed with it. */
  purged: number;
  /** True when more expired trash is waiting (run again). */
  more: boolean;
}

interface ExpiredRoot {
  id: string;
  deleted_at: Date;
  project_id: string;
  account_id: string;
  team_id: string;
}

/**
 * The system (a scheduled job) deletes trash older than the retention, oldest first, one
 * AssetHardDeleted per trashed item with what it freed. Comments and review-link shares of the
 * deleted assets go with them (foreign keys cascade). Concurrent runs skip each other's rows.
 */
@CommandHandler(PurgeTrashCommand)
export class PurgeTrashHandler implements ICommandHandler<PurgeTrashCommand, PurgeTrashResult> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
  ) {}

  async execute({ actor, input }: PurgeTrashCommand): Promise<PurgeTrashResult> {
    if (actor.type !== 'system') throw forbidden('Only the system purges the trash');
    const cutoff =
      input.olderThan ?? new Date(Date.now() - TRASH_RETENTION_DAYS * 24 * 60 * 60 * 1000);
    const { total, objectKeys } = await this.uow.run(
      async (tx, events) => {
        // Oldest first: a part of a subtree that was trashed on its own earlier is older than
        // the subtree's trash, so it is purged (with its own event) in the same run or before.
        const roots = await tx.$queryRaw<ExpiredRoot[]>(Prisma.sql`
          SELECT a.id::text, a.deleted_at, a.project_id::text, p.account_id::text,
                 p.team_id::text
          FROM assets a JOIN projects p ON p.id = a.project_id
          WHERE a.trash_root_id = a.id AND a.deleted_at < ${cutoff}
          ORDER BY a.deleted_at, a.id
          LIMIT ${input.limit + 1}
          FOR UPDATE OF a SKIP LOCKED`);
        const batch = roots.slice(0, input.limit);
        const total: PurgeTrashResult = {
          purged: batch.length,
          more: roots.length > input.limit,
          assetCount: 0,
          fileCount: 0,
          storageBytes: 0,
        };
        for (const root of batch) {
          const usage = await trashUsage(tx, root.id);
          total.assetCount += usage.assetCount;
          total.fileCount += usage.fileCount;
          total.storageBytes += usage.storageBytes;
          events.record(
            new AssetHardDeleted({
              actor,
              accountId: root.account_id,
              teamId: root.team_id,
              projectId: root.project_id,
              subject: assetSubject(root.id),
              payload: { deletedAt: root.deleted_at.toISOString(), ...usage },
            }),
          );
        }
        let objectKeys: string[] = [];
        if (batch.length) {
          const ids = batch.map((r) => r.id);
          const files = await storedFilesUnder(tx, ids);
          // Deleting a root deletes its subtree with it (parent_id cascades).
          await tx.asset.deleteMany({ where: { id: { in: ids } } });
          objectKeys = await unreferenced(tx, files);
        }
        return { total, objectKeys };
      },
      { timeoutMs: 120_000 },
    );
    // After commit: a failure here leaves objects nobody points at (a leak, never a loss).
    for (const key of objectKeys) {
      await this.storage.delete(key).catch((error: unknown) => {
        new Logger('purge-trash').warn(`could not delete stored object ${key}: ${String(error)}`);
      });
    }
    return total;
  }
}

interface StoredFile {
  id: string;
  storage_key: string | null;
  /** The keys of what processing stored for the file (asset_media.outputs). */
  output_keys: string[];
}

function storedFilesUnder(tx: Db, rootIds: string[]): Promise<StoredFile[]> {
  return tx.$queryRaw<StoredFile[]>(Prisma.sql`
    WITH RECURSIVE sub AS (
      SELECT id, type, storage_key FROM assets WHERE id = ANY(${rootIds}::uuid[])
      UNION ALL
      SELECT a.id, a.type, a.storage_key FROM assets a JOIN sub ON a.parent_id = sub.id
    )
    SELECT sub.id::text, sub.storage_key,
           COALESCE(ARRAY(SELECT o->>'key' FROM jsonb_array_elements(m.outputs) o), '{}')
             AS output_keys
    FROM sub LEFT JOIN asset_media m ON m.asset_id = sub.id
    WHERE sub.type = 'file'`);
}

/**
 * The objects of deleted files that no remaining asset points at: an original or a processing
 * output shared with a live copy (a copy points at the same objects) stays; the rest goes.
 */
async function unreferenced(tx: Db, files: StoredFile[]): Promise<string[]> {
  const originals = [...new Set(files.flatMap((f) => (f.storage_key ? [f.storage_key] : [])))];
  const kept = originals.length
    ? await tx.asset.findMany({
        where: { storageKey: { in: originals } },
        select: { storageKey: true },
        distinct: ['storageKey'],
      })
    : [];
  const keptKeys = new Set(kept.map((k) => k.storageKey));
  const outputs = [...new Set(files.flatMap((f) => f.output_keys))];
  const keptOutputs = outputs.length
    ? await tx.$queryRaw<{ key: string }[]>(Prisma.sql`
        SELECT DISTINCT o->>'key' AS key
        FROM asset_media m, jsonb_array_elements(m.outputs) o
        WHERE o->>'key' = ANY(${outputs}::text[])`)
    : [];
  const keptOutputKeys = new Set(keptOutputs.map((k) => k.key));
  return [
    ...originals.filter((key) => !keptKeys.has(key)),
    ...outputs.filter((key) => !keptOutputKeys.has(key)),
  ];
}
