import { createHash } from 'node:crypto';

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
const NAMESPACE_BYTES = Buffer.from(LEGACY_ID_NAMESPACE.replace(/-/g, ''), 'hex');

/**
 * RFC 4122 UUIDv5 of `name` in the legacy namespace, the same value as `uuid`'s `v5` (a spec
 * checks it). Written out because the migrator derives ids for every record it reads and `uuid`'s
 * v5 re-parses the namespace and re-encodes the name byte by byte on each call (4–5 % of the
 * migrator's CPU); node:crypto's SHA-1 over a prepared namespace does the same work natively.
 */
export function legacyUuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The new id of a migrated user, account, team or project: UUIDv5 of "<table>:<legacy id>". Any
 * process (the migrator on any segment, a re-run, the /v1 adapter) computes the same id, so
 * references resolve without lookups and in any load order.
 */
export function newIdFromHex(table: HexIdTable, legacyId: string): string {
  return legacyUuidV5(`${table}:${legacyId}`);
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
  return legacyUuidV5(`project-root:${projectLegacyId}`);
}

/** What the legacy contract shows for a record: its legacy id if migrated, else its new id. */
export function legacyFacingId(row: { id: string; legacyId: string | null }): string {
  return row.legacyId ?? row.id;
}
