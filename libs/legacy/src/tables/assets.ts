import { LegacyTable, parseWith, requireId } from '../definition';
import { isHexId, isUuidId, newIdFromHex, newIdFromUuid } from '../ids';
import type { RepairCode } from '../reasons';
import {
  formatIdList,
  formatJson,
  formatNumber,
  formatString,
  formatTimestamp,
  JsonObject,
  readDecimal,
  readEnum,
  readIdList,
  readInteger,
  readJsonObject,
  readMatch,
  readString,
  readTimestamp,
  requireMatch,
  requireString,
  requireTimestamp,
} from '../values';

export const ASSET_TYPES = ['folder', 'file', 'version_stack'] as const;
export const ASSET_STATUSES = ['uploading', 'transcoding', 'ready', 'failed'] as const;
export const ASSET_LABELS = ['none', 'in_progress', 'needs_review', 'approved'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];
export type AssetStatus = (typeof ASSET_STATUSES)[number];
export type AssetLabel = (typeof ASSET_LABELS)[number];

const INT32_MAX = 2_147_483_647;

export interface LegacyAsset {
  id: string;
  projectId: string;
  parentId: string | null;
  type: AssetType;
  name: string;
  filetype: string | null;
  filesize: number;
  duration: number | null;
  fps: number | null;
  frames: number | null;
  status: AssetStatus;
  label: AssetLabel;
  creatorId: string | null;
  version: number;
  childIds: string[];
  properties: JsonObject;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date | null;
}

/**
 * The `assets` row as the record alone determines it. `account_id` (the project's), `sort_order`
 * and `trash_root_id` — and the final parent, version, type and trash of rows whose record
 * disagrees with the rest of the tree — are settled by the migrator across records (REPAIRS).
 */
export interface AssetRow {
  id: string;
  legacyId: string | null;
  projectId: string;
  parentId: string | null;
  type: AssetType;
  name: string;
  filetype: string | null;
  filesize: number;
  duration: number | null;
  fps: number | null;
  frames: number | null;
  status: AssetStatus;
  label: AssetLabel;
  version: number;
  properties: JsonObject;
  creatorId: string | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewAsset {
  row: AssetRow;
  refs: { projectId: string; parentId: string | null; creatorId: string | null };
  /** The order of a folder's or stack's children (legacy-facing ids). */
  childIds: string[];
}

export const assetsTable: LegacyTable<LegacyAsset, NewAsset> = {
  name: 'assets',
  attributes: [
    'id',
    'project_id',
    'parent_id',
    'type',
    'name',
    'filetype',
    'filesize',
    'duration',
    'fps',
    'frames',
    'status',
    'label',
    'creator_id',
    'version',
    'child_ids',
    'properties',
    'deleted_at',
    'created_at',
    'updated_at',
  ],
  dependsOn: ['projects', 'users'],
  secretAttributes: [],
  isLegacyId: isUuidId,

  parse: (raw) =>
    parseWith(() => ({
      id: requireId(raw, isUuidId, 'a UUID'),
      projectId: requireMatch(raw, 'project_id', isHexId, 'a 24-hex id'),
      parentId: readMatch(raw, 'parent_id', isUuidId, 'a UUID'),
      type: readEnum(raw, 'type', ASSET_TYPES, null),
      name: requireString(raw, 'name'),
      filetype: readString(raw, 'filetype'),
      filesize: readInteger(raw, 'filesize', { min: 0 }) ?? 0,
      duration: readDecimal(raw, 'duration', { min: 0 }),
      fps: readDecimal(raw, 'fps', { min: 0 }),
      frames: readInteger(raw, 'frames', { min: 0, max: INT32_MAX }),
      status: readEnum(raw, 'status', ASSET_STATUSES, 'ready'),
      label: readEnum(raw, 'label', ASSET_LABELS, 'none'),
      creatorId: readMatch(raw, 'creator_id', isHexId, 'a 24-hex id'),
      version: readInteger(raw, 'version', { min: 1, max: INT32_MAX }) ?? 1,
      childIds: readIdList(raw, 'child_ids', isUuidId),
      properties: readJsonObject(raw, 'properties') ?? {},
      deletedAt: readTimestamp(raw, 'deleted_at'),
      createdAt: requireTimestamp(raw, 'created_at'),
      updatedAt: readTimestamp(raw, 'updated_at'),
    })),

  toNew: (a) => ({
    row: {
      id: newIdFromUuid(a.id),
      legacyId: a.id,
      projectId: newIdFromHex('projects', a.projectId),
      parentId: a.parentId ? newIdFromUuid(a.parentId) : null,
      type: a.type,
      name: a.name,
      filetype: a.filetype,
      filesize: a.filesize,
      duration: a.duration,
      fps: a.fps,
      frames: a.frames,
      status: a.status,
      label: a.label,
      version: a.version,
      properties: a.properties,
      creatorId: a.creatorId ? newIdFromHex('users', a.creatorId) : null,
      deletedAt: a.deletedAt,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt ?? a.createdAt,
    },
    refs: { projectId: a.projectId, parentId: a.parentId, creatorId: a.creatorId },
    childIds: a.childIds,
  }),

  toLegacy: ({ row, refs, childIds }) => ({
    id: row.legacyId ?? row.id,
    project_id: refs.projectId,
    parent_id: formatString(refs.parentId),
    type: row.type,
    name: row.name,
    filetype: formatString(row.filetype),
    filesize: formatNumber(row.filesize),
    duration: formatNumber(row.duration),
    fps: formatNumber(row.fps),
    frames: formatNumber(row.frames),
    status: row.status,
    label: row.label,
    creator_id: formatString(refs.creatorId),
    version: formatNumber(row.version),
    child_ids: formatIdList(childIds),
    properties: formatJson(row.properties),
    deleted_at: formatTimestamp(row.deletedAt),
    created_at: formatTimestamp(row.createdAt),
    updated_at: formatTimestamp(row.updatedAt),
  }),

  repairsOf: (a) => (a.updatedAt === null ? ['updated_at_defaulted' as RepairCode] : []),
};
