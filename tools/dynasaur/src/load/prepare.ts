import {
  DynamoItem,
  fromDynamoItem,
  LEGACY_TABLES,
  LegacyTable,
  LegacyTableName,
  LegacyValueError,
  RawItem,
  RepairCode,
} from '@dailies/legacy';
import { encodeCopyRow } from '../db/copy';
import { TableLoader } from './table-loader';

export interface RejectRecord {
  key: string;
  legacyId: string | null;
  reason: string;
  field: string | null;
  message: string;
  stage: 'parse' | 'load' | 'resolve';
  raw: RawItem | DynamoItem;
}

export type Prepared =
  | { ok: true; legacyId: string; line: string; raw: RawItem; repairs: RepairCode[] }
  | { ok: false; reject: RejectRecord };

/** A record without a usable id is keyed by where it was read. */
function rejectKey(id: unknown, where: string): { key: string; legacyId: string | null } {
  return typeof id === 'string' && id !== ''
    ? { key: id, legacyId: id }
    : { key: `@${where}`, legacyId: null };
}

/**
 * One source item → its staging line (COPY text), or a reject: flatten the DynamoDB item, parse
 * it with the table's definition, translate old → new, encode.
 */
export function prepareItem(
  table: LegacyTableName,
  loader: TableLoader<unknown>,
  item: DynamoItem,
  where: string,
): Prepared {
  const definition = LEGACY_TABLES[table] as LegacyTable<unknown, object>;
  let raw: RawItem;
  try {
    raw = fromDynamoItem(item);
  } catch (error) {
    if (!(error instanceof LegacyValueError)) throw error;
    return {
      ok: false,
      reject: {
        ...rejectKey(item.id?.S, where),
        reason: error.reason,
        field: error.field,
        message: error.message,
        stage: 'parse',
        raw: item,
      },
    };
  }
  const parsed = definition.parse(raw);
  if (!parsed.ok) {
    return {
      ok: false,
      reject: {
        ...rejectKey(raw.id, where),
        ...parsed.rejection,
        stage: 'parse',
        raw,
      },
    };
  }
  const value = definition.toNew(parsed.value) as { row: { legacyId: string | null } };
  const legacyId = value.row.legacyId ?? String(raw.id);
  const values = loader.values(loader.needsRaw ? { ...value, raw: JSON.stringify(raw) } : value);
  return {
    ok: true,
    legacyId,
    line: encodeCopyRow([legacyId, null, null, ...values]),
    raw,
    repairs: definition.repairsOf(parsed.value),
  };
}
