import { LegacyTable, parseWith, requireId } from '../definition';
import { isHexId, newIdFromHex } from '../ids';
import type { RepairCode } from '../reasons';
import {
  formatBoolean,
  formatIdList,
  formatJson,
  formatString,
  formatTimestamp,
  JsonObject,
  readBoolean,
  readIdList,
  readJsonObject,
  readMatch,
  readString,
  readTimestamp,
  requireMatch,
  requireTimestamp,
} from '../values';

export interface LegacyUser {
  id: string;
  email: string;
  name: string | null;
  passwordDigest: string | null;
  accountIds: string[];
  timezone: string | null;
  emailConfirmed: boolean;
  lastLoginAt: Date | null;
  settings: JsonObject | null;
  deleted: boolean;
  createdAt: Date;
  updatedAt: Date | null;
}

/** The `users` row (column names in camelCase). */
export interface UserRow {
  id: string;
  legacyId: string | null;
  email: string;
  name: string;
  passwordHash: string | null;
  status: 'active' | 'locked';
  timezone: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  row: UserRow;
  /** Accounts the user belongs to (legacy-facing ids; memberships hold them in the new schema). */
  accountIds: string[];
  /**
   * Legacy attributes the new system keeps only for the /v1 contract: the `users` columns
   * email_confirmed, last_login_at (also set by sign-ins) and settings.
   */
  extras: { emailConfirmed: boolean; lastLoginAt: Date | null; settings: JsonObject | null };
}

export const isEmail = (v: string): boolean =>
  v.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
/** bcrypt digests as Rails' bcrypt gem and bcryptjs write them (`$2a$10$…`). */
export const isBcrypt = (v: string): boolean => /^\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(v);

const zones = new Map<string, boolean>();
export function isTimeZone(value: string): boolean {
  let known = zones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    zones.set(value, known);
  }
  return known;
}

export const usersTable: LegacyTable<LegacyUser, NewUser> = {
  name: 'users',
  attributes: [
    'id',
    'email',
    'name',
    'password_digest',
    'account_ids',
    'timezone',
    'email_confirmed',
    'last_login_at',
    'settings',
    'deleted',
    'created_at',
    'updated_at',
  ],
  dependsOn: [],
  secretAttributes: ['password_digest'],
  isLegacyId: isHexId,

  parse: (raw) =>
    parseWith(() => ({
      id: requireId(raw, isHexId, 'a 24-hex id'),
      email: requireMatch(raw, 'email', isEmail, 'an email address'),
      name: readString(raw, 'name'),
      passwordDigest: readMatch(raw, 'password_digest', isBcrypt, 'a bcrypt digest'),
      accountIds: readIdList(raw, 'account_ids', isHexId),
      timezone: readMatch(raw, 'timezone', isTimeZone, 'an IANA time zone'),
      emailConfirmed: readBoolean(raw, 'email_confirmed', false),
      lastLoginAt: readTimestamp(raw, 'last_login_at'),
      settings: readJsonObject(raw, 'settings'),
      deleted: readBoolean(raw, 'deleted', false),
      createdAt: requireTimestamp(raw, 'created_at'),
      updatedAt: readTimestamp(raw, 'updated_at'),
    })),

  toNew: (u) => ({
    row: {
      id: newIdFromHex('users', u.id),
      legacyId: u.id,
      email: u.email.toLowerCase(),
      name: u.name ?? u.email.split('@')[0],
      passwordHash: u.passwordDigest,
      status: u.deleted ? 'locked' : 'active',
      timezone: u.timezone ?? 'UTC',
      createdAt: u.createdAt,
      updatedAt: u.updatedAt ?? u.createdAt,
    },
    accountIds: u.accountIds,
    extras: { emailConfirmed: u.emailConfirmed, lastLoginAt: u.lastLoginAt, settings: u.settings },
  }),

  toLegacy: ({ row, accountIds, extras }) => ({
    id: row.legacyId ?? row.id,
    email: row.email,
    name: row.name,
    password_digest: formatString(row.passwordHash),
    account_ids: formatIdList(accountIds),
    timezone: row.timezone,
    email_confirmed: formatBoolean(extras.emailConfirmed),
    last_login_at: formatTimestamp(extras.lastLoginAt),
    settings: formatJson(extras.settings),
    deleted: formatBoolean(row.status === 'locked'),
    created_at: formatTimestamp(row.createdAt),
    updated_at: formatTimestamp(row.updatedAt),
  }),

  repairsOf: (u) => {
    const repairs: RepairCode[] = [];
    if (u.email !== u.email.toLowerCase()) repairs.push('email_lowercased');
    if (u.name === null) repairs.push('name_from_email');
    if (u.passwordDigest === null) repairs.push('password_unusable');
    if (u.deleted) repairs.push('deleted_user_locked');
    if (u.timezone === null) repairs.push('timezone_defaulted');
    if (u.updatedAt === null) repairs.push('updated_at_defaulted');
    return repairs;
  },
};
