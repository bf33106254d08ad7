import {
  DynamoItem,
  LEGACY_TABLES,
  LegacyTable,
  LegacyTableName,
  RawItem,
  readLegacyItem,
  redactSecretMessage,
  redactSecrets,
  RepairCode,
  storableText,
  UnreadableItem,
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
    ? { key: storableText(id), legacyId: storableText(id) }
    : { key: `@${where}`, legacyId: null };
}

function itemId(item: unknown): unknown {
  if (item === null || typeof item !== 'object' || item instanceof UnreadableItem) return undefined;
  const id = (item as Partial<DynamoItem>).id;
  return id !== null && typeof id === 'object' ? id.S : undefined;
}

/**
 * One source item → its staging line (COPY text), or a reject: read the DynamoDB item (repairing
 * what PostgreSQL cannot store), parse it with the table's definition, translate old → new,
 * encode. Password digests never reach a reject or a staged raw record.
 */
export function prepareItem(
  table: LegacyTableName,
  loader: TableLoader<unknown>,
  item: DynamoItem | UnreadableItem,
  where: string,
): Prepared {
  const definition = LEGACY_TABLES[table] as LegacyTable<unknown, object>;
  const redact = <T extends RawItem | DynamoItem>(raw: T) =>
    redactSecrets(definition.secretAttributes, raw);
  const read = readLegacyItem(table, item);
  if (!read.ok) {
    return {
      ok: false,
      reject: {
        ...rejectKey(itemId(item), where),
        reason: read.error.reason,
        field: read.error.field,
        message: redactSecretMessage(
          definition.secretAttributes,
          read.error.field,
          read.error.message,
        ),
        stage: 'parse',
        raw: redact(read.raw),
      },
    };
  }
  const raw = read.raw;
  const parsed = definition.parse(raw);
  if (!parsed.ok) {
    return {
      ok: false,
      reject: {
        ...rejectKey(raw.id, where),
        ...parsed.rejection,
        message: redactSecretMessage(
          definition.secretAttributes,
          parsed.rejection.field,
          parsed.rejection.message,
        ),
        stage: 'parse',
        raw: redact(raw),
      },
    };
  }
  const value = definition.toNew(parsed.value) as { row: { legacyId: string | null } };
  const legacyId = value.row.legacyId ?? String(raw.id);
  const values = loader.values(
    loader.needsRaw ? { ...value, raw: JSON.stringify(redact(raw)) } : value,
  );
  return {
    ok: true,
    legacyId,
    line: encodeCopyRow([legacyId, null, null, ...values]),
    raw: redact(raw),
    repairs: [...read.repairs, ...definition.repairsOf(parsed.value)],
  };
}
