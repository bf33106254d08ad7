import { LegacyTable, parseWith, requireId } from '../definition';
import { isHexId, isUuidId, newIdFromHex, newIdFromUuid } from '../ids';
import type { RepairCode } from '../reasons';
import { isBcrypt } from './users';
import {
  formatBoolean,
  formatIdList,
  formatString,
  formatTimestamp,
  readBoolean,
  readIdList,
  readMatch,
  readTimestamp,
  requireMatch,
  requireString,
  requireTimestamp,
} from '../values';

export const isShortCode = (v: string): boolean => /^[A-Za-z0-9_-]{1,64}$/.test(v);

export interface LegacyReviewLink {
  id: string;
  projectId: string;
  name: string;
  shortCode: string;
  passwordDigest: string | null;
  expiresAt: Date | null;
  active: boolean;
  allowDownload: boolean;
  itemIds: string[];
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date | null;
}

/** The `review_links` row; `account_id` is the project's (the loader joins it). */
export interface ReviewLinkRow {
  id: string;
  legacyId: string | null;
  projectId: string;
  name: string;
  shortCode: string;
  passwordHash: string | null;
  expiresAt: Date | null;
  active: boolean;
  allowDownload: boolean;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewReviewLink {
  row: ReviewLinkRow;
  refs: { projectId: string; createdBy: string | null };
  /** The assets the link shows, in order (review_link_items.position). */
  itemIds: string[];
}

export const reviewLinksTable: LegacyTable<LegacyReviewLink, NewReviewLink> = {
  name: 'review_links',
  attributes: [
    'id',
    'project_id',
    'name',
    'short_code',
    'password_digest',
    'expires_at',
    'active',
    'allow_download',
    'item_ids',
    'created_by',
    'created_at',
    'updated_at',
  ],
  dependsOn: ['projects', 'assets', 'users'],
  secretAttributes: ['password_digest'],
  isLegacyId: isUuidId,

  parse: (raw) =>
    parseWith(() => ({
      id: requireId(raw, isUuidId, 'a UUID'),
      projectId: requireMatch(raw, 'project_id', isHexId, 'a 24-hex id'),
      name: requireString(raw, 'name'),
      shortCode: requireMatch(raw, 'short_code', isShortCode, 'a short code'),
      passwordDigest: readMatch(raw, 'password_digest', isBcrypt, 'a bcrypt digest'),
      expiresAt: readTimestamp(raw, 'expires_at'),
      active: readBoolean(raw, 'active', true),
      allowDownload: readBoolean(raw, 'allow_download', false),
      itemIds: readIdList(raw, 'item_ids', isUuidId),
      createdBy: readMatch(raw, 'created_by', isHexId, 'a 24-hex id'),
      createdAt: requireTimestamp(raw, 'created_at'),
      updatedAt: readTimestamp(raw, 'updated_at'),
    })),

  toNew: (l) => ({
    row: {
      id: newIdFromUuid(l.id),
      legacyId: l.id,
      projectId: newIdFromHex('projects', l.projectId),
      name: l.name,
      shortCode: l.shortCode,
      passwordHash: l.passwordDigest,
      expiresAt: l.expiresAt,
      active: l.active,
      allowDownload: l.allowDownload,
      createdById: l.createdBy ? newIdFromHex('users', l.createdBy) : null,
      createdAt: l.createdAt,
      updatedAt: l.updatedAt ?? l.createdAt,
    },
    refs: { projectId: l.projectId, createdBy: l.createdBy },
    itemIds: l.itemIds,
  }),

  toLegacy: ({ row, refs, itemIds }) => ({
    id: row.legacyId ?? row.id,
    project_id: refs.projectId,
    name: row.name,
    short_code: row.shortCode,
    password_digest: formatString(row.passwordHash),
    expires_at: formatTimestamp(row.expiresAt),
    active: formatBoolean(row.active),
    allow_download: formatBoolean(row.allowDownload),
    item_ids: formatIdList(itemIds),
    created_by: formatString(refs.createdBy),
    created_at: formatTimestamp(row.createdAt),
    updated_at: formatTimestamp(row.updatedAt),
  }),

  repairsOf: (l) => (l.updatedAt === null ? ['updated_at_defaulted' as RepairCode] : []),
};
