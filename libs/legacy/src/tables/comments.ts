import { LegacyTable, parseWith, requireId } from '../definition';
import { isHexId, isUuidId, newIdFromHex, newIdFromUuid } from '../ids';
import type { RepairCode } from '../reasons';
import {
  formatBoolean,
  formatIdList,
  formatJson,
  formatNumber,
  formatString,
  formatTimestamp,
  JsonObject,
  JsonValue,
  readBoolean,
  readIdList,
  readInteger,
  readJsonDocument,
  readMatch,
  readString,
  readTimestamp,
  requireMatch,
  requireTimestamp,
} from '../values';

const INT32_MAX = 2_147_483_647;

export interface LegacyComment {
  id: string;
  assetId: string;
  ownerId: string | null;
  text: string | null;
  timestamp: number | null;
  duration: number | null;
  annotation: JsonObject | JsonValue[] | null;
  parentId: string | null;
  completed: boolean;
  completedBy: string | null;
  completedAt: Date | null;
  likeIds: string[];
  private: boolean;
  deleted: boolean;
  createdAt: Date;
  updatedAt: Date | null;
}

/** The `comments` row; `project_id`/`account_id` are the asset's (the loader joins them). */
export interface CommentRow {
  id: string;
  legacyId: string | null;
  assetId: string;
  parentId: string | null;
  authorId: string | null;
  text: string;
  frame: number | null;
  durationFrames: number | null;
  annotation: JsonObject | JsonValue[] | null;
  private: boolean;
  completedAt: Date | null;
  completedById: string | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewComment {
  row: CommentRow;
  refs: {
    assetId: string;
    parentId: string | null;
    ownerId: string | null;
    completedBy: string | null;
  };
  likeIds: string[];
}

export const commentsTable: LegacyTable<LegacyComment, NewComment> = {
  name: 'comments',
  attributes: [
    'id',
    'asset_id',
    'owner_id',
    'text',
    'timestamp',
    'duration',
    'annotation',
    'parent_id',
    'completed',
    'completed_by',
    'completed_at',
    'like_ids',
    'private',
    'deleted',
    'created_at',
    'updated_at',
  ],
  dependsOn: ['assets', 'users'],
  secretAttributes: [],
  isLegacyId: isUuidId,

  parse: (raw) =>
    parseWith(() => ({
      id: requireId(raw, isUuidId, 'a UUID'),
      assetId: requireMatch(raw, 'asset_id', isUuidId, 'a UUID'),
      ownerId: readMatch(raw, 'owner_id', isHexId, 'a 24-hex id'),
      text: readString(raw, 'text'),
      timestamp: readInteger(raw, 'timestamp', { min: 0, max: INT32_MAX }),
      duration: readInteger(raw, 'duration', { min: 0, max: INT32_MAX }),
      annotation: readJsonDocument(raw, 'annotation'),
      parentId: readMatch(raw, 'parent_id', isUuidId, 'a UUID'),
      completed: readBoolean(raw, 'completed', false),
      completedBy: readMatch(raw, 'completed_by', isHexId, 'a 24-hex id'),
      completedAt: readTimestamp(raw, 'completed_at'),
      likeIds: readIdList(raw, 'like_ids', isHexId),
      private: readBoolean(raw, 'private', false),
      deleted: readBoolean(raw, 'deleted', false),
      createdAt: requireTimestamp(raw, 'created_at'),
      updatedAt: readTimestamp(raw, 'updated_at'),
    })),

  toNew: (c) => {
    const updatedAt = c.updatedAt ?? c.createdAt;
    return {
      row: {
        id: newIdFromUuid(c.id),
        legacyId: c.id,
        assetId: newIdFromUuid(c.assetId),
        parentId: c.parentId ? newIdFromUuid(c.parentId) : null,
        authorId: c.ownerId ? newIdFromHex('users', c.ownerId) : null,
        text: c.text ?? '',
        frame: c.timestamp,
        // The new schema has no zero-length range (CHECK duration_frames > 0).
        durationFrames: c.duration === 0 ? null : c.duration,
        annotation: c.annotation,
        private: c.private,
        completedAt: c.completed ? (c.completedAt ?? updatedAt) : null,
        completedById: c.completed && c.completedBy ? newIdFromHex('users', c.completedBy) : null,
        deletedAt: c.deleted ? updatedAt : null,
        createdAt: c.createdAt,
        updatedAt,
      },
      refs: {
        assetId: c.assetId,
        parentId: c.parentId,
        ownerId: c.ownerId,
        completedBy: c.completed ? c.completedBy : null,
      },
      likeIds: c.likeIds,
    };
  },

  toLegacy: ({ row, refs, likeIds }) => ({
    id: row.legacyId ?? row.id,
    asset_id: refs.assetId,
    owner_id: formatString(refs.ownerId),
    text: formatString(row.text === '' ? null : row.text),
    timestamp: formatNumber(row.frame),
    duration: formatNumber(row.durationFrames),
    annotation: formatJson(row.annotation),
    parent_id: formatString(refs.parentId),
    completed: formatBoolean(row.completedAt !== null),
    completed_by: formatString(refs.completedBy),
    completed_at: formatTimestamp(row.completedAt),
    like_ids: formatIdList(likeIds),
    private: formatBoolean(row.private),
    deleted: formatBoolean(row.deletedAt !== null),
    created_at: formatTimestamp(row.createdAt),
    updated_at: formatTimestamp(row.updatedAt),
  }),

  repairsOf: (c) => {
    const repairs: RepairCode[] = [];
    if (c.completed && c.completedAt === null) repairs.push('completed_at_defaulted');
    if (c.deleted) repairs.push('deleted_comment_time');
    if (c.duration === 0) repairs.push('zero_duration_dropped');
    if (c.updatedAt === null) repairs.push('updated_at_defaulted');
    return repairs;
  },
};
