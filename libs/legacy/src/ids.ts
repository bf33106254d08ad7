import { v5 } from 'uuid';

/** users, accounts, teams and projects: 24 lowercase hex characters (SCHEMA.md rule 4). */
export const isHexId = (value: string): boolean => /^[0-9a-f]{24}$/.test(value);

/** assets, comments and review links: a lowercase UUID with dashes (SCHEMA.md rule 4). */
export const isUuidId = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

export type HexIdTable = 'users' | 'accounts' | 'teams' | 'projects';

/**
 * The fixed namespace of every id derived from a legacy id. Never change it: every migrated
 * row's id, and every reference to it, is computed from it without a lookup.
 */
export const LEGACY_ID_NAMESPACE = '3f0c9a4e-5b7d-4c1e-9a26-d1e5b8f0a7c3';

/**
 * The new id of a migrated user, account, team or project: UUIDv5 of "<table>:<legacy id>". Any
 * process (the migrator on any segment, a re-run, the /v1 adapter) computes the same id, so
 * references resolve without lookups and in any load order.
 */
export function newIdFromHex(table: HexIdTable, legacyId: string): string {
  return v5(`${table}:${legacyId}`, LEGACY_ID_NAMESPACE);
}

/**
 * Assets, comments and review links keep their legacy UUID v4 as their new id: old links and
 * clients that hold them keep working even before any legacy-id lookup.
 */
export function newIdFromUuid(legacyId: string): string {
  return legacyId;
}

/** The root folder created for a project whose legacy root is unusable (REPAIRS.project_root_chosen). */
export function syntheticRootId(projectLegacyId: string): string {
  return v5(`project-root:${projectLegacyId}`, LEGACY_ID_NAMESPACE);
}

/** What the legacy contract shows for a record: its legacy id if migrated, else its new id. */
export function legacyFacingId(row: { id: string; legacyId: string | null }): string {
  return row.legacyId ?? row.id;
}
