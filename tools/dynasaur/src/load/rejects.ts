import { PoolClient } from 'pg';
import { LegacyTableName, storableJson } from '@dailies/legacy';
import { RejectRecord } from './prepare';

/** Records rejects (keyed per table; a re-run overwrites its own earlier reject of the same key). */
export async function insertRejects(
  client: PoolClient,
  table: LegacyTableName,
  rejects: RejectRecord[],
): Promise<void> {
  await client.query(
    `INSERT INTO dynasaur.rejects (table_name, reject_key, legacy_id, reason, field, message, stage, raw)
     SELECT $1, r.key, r.legacy_id, r.reason, r.field, r.message, r.stage, r.raw
     FROM jsonb_to_recordset($2::jsonb) AS r (key text, legacy_id text, reason text, field text, message text,
                                              stage text, raw jsonb)
     ON CONFLICT (table_name, reject_key) DO UPDATE SET legacy_id = EXCLUDED.legacy_id, reason = EXCLUDED.reason,
       field = EXCLUDED.field, message = EXCLUDED.message, stage = EXCLUDED.stage, raw = EXCLUDED.raw`,
    [
      table,
      // jsonb refuses U+0000 and lone surrogates: they are kept as visible escapes instead.
      storableJson(
        rejects.map((r) => ({
          key: r.key,
          legacy_id: r.legacyId,
          reason: r.reason,
          field: r.field,
          message: r.message,
          stage: r.stage,
          raw: r.raw,
        })),
      ),
    ],
  );
}
