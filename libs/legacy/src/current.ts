import type { LegacyTableName } from './definition';
import { LEGACY_TABLES } from './tables';
import type { AccountPlan, NewAccount } from './tables/accounts';
import type { AssetLabel, AssetStatus, AssetType, NewAsset } from './tables/assets';
import type { NewComment } from './tables/comments';
import type { CollaboratorRole, NewProject } from './tables/projects';
import type { NewReviewLink } from './tables/review-links';
import type { NewTeam } from './tables/teams';
import type { NewUser } from './tables/users';
import type { JsonObject, JsonValue, RawItem } from './values';

// new → old for the /v1 adapter: what the new system holds *now* about a record (its row, every
// reference as a legacy-facing id, and its lists computed from current data) becomes the input
// of the table definition's `toLegacy` — the same definitions the migrator uses old → new, so the
// two directions cannot drift apart. Readers (libs/core legacy-reads) produce these facts with
// one SQL row per record; `servedRecord` turns them into what /v1 answers.

/** A number column as the database driver hands it over (int8 arrives as bigint or string). */
export type DbNumber = number | bigint | string;

const num = (value: DbNumber): number => Number(value);
const numOrNull = (value: DbNumber | null): number | null => (value === null ? null : num(value));
const jsonObject = (value: unknown): JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};

export interface CurrentUser {
  id: string;
  legacyId: string | null;
  email: string;
  name: string;
  status: 'active' | 'locked';
  timezone: string;
  emailConfirmed: boolean;
  lastLoginAt: Date | null;
  settings: unknown;
  createdAt: Date;
  updatedAt: Date;
  /** Legacy-facing ids of the accounts the user is a member of now. */
  accountIds: string[];
}

export function userFromCurrent(u: CurrentUser): NewUser {
  return {
    row: {
      id: u.id,
      legacyId: u.legacyId,
      email: u.email,
      name: u.name,
      // Never read, never served (API.md: password_digest is never served).
      passwordHash: null,
      status: u.status,
      timezone: u.timezone,
      createdAt: u.createdAt,
      updatedAt: u.updatedAt,
    },
    accountIds: u.accountIds,
    extras: {
      emailConfirmed: u.emailConfirmed,
      lastLoginAt: u.lastLoginAt,
      settings: u.settings === null || u.settings === undefined ? null : jsonObject(u.settings),
    },
  };
}

export interface CurrentAccount {
  id: string;
  legacyId: string | null;
  name: string;
  plan: AccountPlan;
  storageLimitBytes: DbNumber;
  /** The member whose role is owner (legacy-facing), if any. */
  ownerRef: string | null;
  /** Every member (owner, admins, members). */
  memberIds: string[];
  adminIds: string[];
  teamIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export function accountFromCurrent(a: CurrentAccount): NewAccount {
  return {
    row: {
      id: a.id,
      legacyId: a.legacyId,
      name: a.name,
      plan: a.plan,
      storageLimitBytes: num(a.storageLimitBytes),
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    },
    refs: { ownerId: a.ownerRef },
    memberIds: a.memberIds,
    adminIds: a.adminIds,
    teamIds: a.teamIds,
  };
}

export interface CurrentTeam {
  id: string;
  legacyId: string | null;
  accountId: string;
  accountRef: string;
  name: string;
  memberIds: string[];
  projectIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export function teamFromCurrent(t: CurrentTeam): NewTeam {
  return {
    row: {
      id: t.id,
      legacyId: t.legacyId,
      accountId: t.accountId,
      name: t.name,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    },
    refs: { accountId: t.accountRef },
    memberIds: t.memberIds,
    projectIds: t.projectIds,
  };
}

export interface CurrentProject {
  id: string;
  legacyId: string | null;
  teamId: string;
  teamRef: string;
  name: string;
  private: boolean;
  archived: boolean;
  rootAssetId: string;
  rootAssetRef: string | null;
  ownerId: string | null;
  ownerRef: string | null;
  /** Collaborators in their order (legacy-facing user ids) with their role. */
  collaboratorIds: string[];
  collaboratorRoles: string[];
  createdAt: Date;
  updatedAt: Date;
}

export function projectFromCurrent(p: CurrentProject): NewProject {
  return {
    row: {
      id: p.id,
      legacyId: p.legacyId,
      teamId: p.teamId,
      name: p.name,
      private: p.private,
      archived: p.archived,
      rootAssetId: p.rootAssetId,
      ownerId: p.ownerId,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    },
    refs: { teamId: p.teamRef, ownerId: p.ownerRef, rootAssetId: p.rootAssetRef },
    collaborators: p.collaboratorIds.map((userId, i) => ({
      userId,
      role: p.collaboratorRoles[i] as CollaboratorRole,
    })),
  };
}

export interface CurrentAsset {
  id: string;
  legacyId: string | null;
  projectId: string;
  projectRef: string;
  parentId: string | null;
  parentRef: string | null;
  type: AssetType;
  name: string;
  filetype: string | null;
  filesize: DbNumber;
  duration: number | null;
  fps: number | null;
  frames: number | null;
  status: AssetStatus;
  label: AssetLabel;
  version: number;
  /** The JSON object, parsed or as JSON text. */
  properties: unknown;
  creatorId: string | null;
  creatorRef: string | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The live children of a folder or stack in their order (legacy-facing ids). */
  childIds: string[];
}

export function assetFromCurrent(a: CurrentAsset): NewAsset {
  return {
    row: {
      id: a.id,
      legacyId: a.legacyId,
      projectId: a.projectId,
      parentId: a.parentId,
      type: a.type,
      name: a.name,
      filetype: a.filetype,
      filesize: num(a.filesize),
      duration: numOrNull(a.duration),
      fps: numOrNull(a.fps),
      frames: numOrNull(a.frames),
      status: a.status,
      label: a.label,
      version: num(a.version),
      properties: jsonObject(
        typeof a.properties === 'string' ? (JSON.parse(a.properties) as unknown) : a.properties,
      ),
      creatorId: a.creatorId,
      deletedAt: a.deletedAt,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    },
    refs: { projectId: a.projectRef, parentId: a.parentRef, creatorId: a.creatorRef },
    childIds: a.childIds,
  };
}

export interface CurrentComment {
  id: string;
  legacyId: string | null;
  assetId: string;
  assetRef: string;
  parentId: string | null;
  parentRef: string | null;
  authorId: string | null;
  authorRef: string | null;
  text: string;
  frame: number | null;
  durationFrames: number | null;
  annotation: unknown;
  private: boolean;
  completedAt: Date | null;
  completedById: string | null;
  completedByRef: string | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  likeIds: string[];
}

export function commentFromCurrent(c: CurrentComment): NewComment {
  return {
    row: {
      id: c.id,
      legacyId: c.legacyId,
      assetId: c.assetId,
      parentId: c.parentId,
      authorId: c.authorId,
      text: c.text,
      frame: c.frame,
      durationFrames: c.durationFrames,
      annotation:
        c.annotation === null || c.annotation === undefined
          ? null
          : (c.annotation as JsonObject | JsonValue[]),
      private: c.private,
      completedAt: c.completedAt,
      completedById: c.completedById,
      deletedAt: c.deletedAt,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    },
    refs: {
      assetId: c.assetRef,
      parentId: c.parentRef,
      ownerId: c.authorRef,
      completedBy: c.completedAt === null ? null : c.completedByRef,
    },
    likeIds: c.likeIds,
  };
}

export interface CurrentReviewLink {
  id: string;
  legacyId: string | null;
  projectId: string;
  projectRef: string;
  name: string;
  shortCode: string;
  expiresAt: Date | null;
  active: boolean;
  allowDownload: boolean;
  createdById: string | null;
  createdByRef: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The live assets the link shows, in its order (legacy-facing ids). */
  itemIds: string[];
}

export function reviewLinkFromCurrent(l: CurrentReviewLink): NewReviewLink {
  return {
    row: {
      id: l.id,
      legacyId: l.legacyId,
      projectId: l.projectId,
      name: l.name,
      shortCode: l.shortCode,
      // Never read, never served.
      passwordHash: null,
      expiresAt: l.expiresAt,
      active: l.active,
      allowDownload: l.allowDownload,
      createdById: l.createdById,
      createdAt: l.createdAt,
      updatedAt: l.updatedAt,
    },
    refs: { projectId: l.projectRef, createdBy: l.createdByRef },
    itemIds: l.itemIds,
  };
}

/** Builds each value only when it is iterated (records of a streamed batch die young). */
export function lazily<R, T>(rows: readonly R[], build: (row: R) => T): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      for (const row of rows) yield build(row);
    },
  };
}

/** The new side of each table, by table name (what `toLegacy` takes). */
export interface LegacyNewSide {
  users: NewUser;
  accounts: NewAccount;
  teams: NewTeam;
  projects: NewProject;
  assets: NewAsset;
  comments: NewComment;
  review_links: NewReviewLink;
}

/**
 * The record /v1 serves: the table definition's `toLegacy`, without the attributes the contract
 * never serves (`password_digest`). Every other attribute is present, every value a string.
 */
export function servedRecord<T extends LegacyTableName>(
  table: T,
  value: LegacyNewSide[T],
): RawItem {
  const definition = LEGACY_TABLES[table] as unknown as {
    toLegacy(v: LegacyNewSide[T]): RawItem;
    secretAttributes: readonly string[];
  };
  const record = definition.toLegacy(value);
  for (const secret of definition.secretAttributes) delete record[secret];
  return record;
}
