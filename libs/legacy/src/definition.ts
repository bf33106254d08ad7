import type { RejectReason, RepairCode } from './reasons';
import { LegacyValueError, RawItem } from './values';

export const LEGACY_TABLE_NAMES = [
  'users',
  'accounts',
  'teams',
  'projects',
  'assets',
  'comments',
  'review_links',
] as const;

export type LegacyTableName = (typeof LEGACY_TABLE_NAMES)[number];

export interface Rejection {
  reason: RejectReason;
  field: string | null;
  message: string;
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

/**
 * One legacy table, shared by the migrator (old → new) and the /v1 adapter (new → old):
 *
 * - `attributes`: the raw shape, every attribute of SCHEMA.md in its order;
 * - `parse`: raw strings → a typed legacy record, or a rejection with its reason;
 * - `toNew`: typed legacy record → the new side (rows with new ids, plus what only other tables
 *   can settle: references and lists as legacy-facing ids, and values no column holds yet);
 * - `toLegacy`: the new side → the canonical legacy record (API.md "Records").
 *
 * `toLegacy(toNew(parse(r)))` is `r` for every clean record (see the definitions' specs).
 * References inside the new side's `refs` and lists are *legacy-facing* ids: the legacy id of a
 * migrated record, the new id of a record created in the new system.
 */
export interface LegacyTable<Parsed, New> {
  readonly name: LegacyTableName;
  readonly attributes: readonly string[];
  /** Tables whose records this one's rows cannot exist without (load order). */
  readonly dependsOn: readonly LegacyTableName[];
  /** Attributes the /v1 contract never serves. */
  readonly secretAttributes: readonly string[];
  isLegacyId(id: string): boolean;
  parse(raw: RawItem): ParseOutcome<Parsed>;
  toNew(parsed: Parsed): New;
  toLegacy(value: New): RawItem;
  /** Repairs that `toNew` applied to this record (for the summary). */
  repairsOf(parsed: Parsed): RepairCode[];
}

/** Runs a reader that throws LegacyValueError and turns the error into a rejection. */
export function parseWith<T>(read: () => T): ParseOutcome<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof LegacyValueError) {
      return {
        ok: false,
        rejection: { reason: error.reason, field: error.field, message: error.message },
      };
    }
    throw error;
  }
}

export function requireId(raw: RawItem, isId: (id: string) => boolean, what: string): string {
  const id = raw.id;
  if (id === undefined || id === '' || id === 'null') {
    throw new LegacyValueError('invalid_id', 'id', 'id is missing');
  }
  if (!isId(id))
    throw new LegacyValueError(
      'invalid_id',
      'id',
      `id is not ${what}: ${JSON.stringify(id.slice(0, 80))}`,
    );
  return id;
}
