import { LegacyTable, parseWith, requireId } from '../definition';
import { isHexId, newIdFromHex } from '../ids';
import type { RepairCode } from '../reasons';
import {
  formatBoolean,
  formatIdList,
  formatNumber,
  formatString,
  formatTimestamp,
  LegacyValueError,
  readBoolean,
  readEnum,
  readIdList,
  readInteger,
  readMatch,
  readTimestamp,
  requireString,
  requireTimestamp,
} from '../values';

export const ACCOUNT_PLANS = ['free', 'pro', 'team', 'enterprise'] as const;
export type AccountPlan = (typeof ACCOUNT_PLANS)[number];
/** What a new account gets (DEFAULT_STORAGE_LIMIT_BYTES' default) when the legacy one has none. */
export const DEFAULT_STORAGE_LIMIT = 2_147_483_648;

export interface LegacyAccount {
  id: string;
  name: string;
  ownerId: string | null;
  plan: AccountPlan;
  storageLimit: number | null;
  memberIds: string[];
  adminIds: string[];
  teamIds: string[];
  createdAt: Date;
  updatedAt: Date | null;
}

export interface AccountRow {
  id: string;
  legacyId: string | null;
  name: string;
  plan: AccountPlan;
  storageLimitBytes: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Memberships (owner, admins, members) and teams are rows of other tables in the new schema. */
export interface NewAccount {
  row: AccountRow;
  refs: { ownerId: string | null };
  memberIds: string[];
  adminIds: string[];
  teamIds: string[];
}

export const accountsTable: LegacyTable<LegacyAccount, NewAccount> = {
  name: 'accounts',
  attributes: [
    'id',
    'name',
    'owner_id',
    'plan',
    'storage_limit',
    'member_ids',
    'admin_ids',
    'team_ids',
    'deleted',
    'created_at',
    'updated_at',
  ],
  dependsOn: ['users'],
  secretAttributes: [],
  isLegacyId: isHexId,

  parse: (raw) =>
    parseWith(() => {
      const account: LegacyAccount = {
        id: requireId(raw, isHexId, 'a 24-hex id'),
        name: requireString(raw, 'name'),
        ownerId: readMatch(raw, 'owner_id', isHexId, 'a 24-hex id'),
        plan: readEnum(raw, 'plan', ACCOUNT_PLANS, 'free'),
        storageLimit: readInteger(raw, 'storage_limit', { min: 0 }),
        memberIds: readIdList(raw, 'member_ids', isHexId),
        adminIds: readIdList(raw, 'admin_ids', isHexId),
        teamIds: readIdList(raw, 'team_ids', isHexId),
        createdAt: requireTimestamp(raw, 'created_at'),
        updatedAt: readTimestamp(raw, 'updated_at'),
      };
      if (readBoolean(raw, 'deleted', false)) {
        throw new LegacyValueError('soft_deleted', 'deleted', 'the account is deleted');
      }
      return account;
    }),

  toNew: (a) => ({
    row: {
      id: newIdFromHex('accounts', a.id),
      legacyId: a.id,
      name: a.name,
      plan: a.plan,
      storageLimitBytes: a.storageLimit ?? DEFAULT_STORAGE_LIMIT,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt ?? a.createdAt,
    },
    refs: { ownerId: a.ownerId },
    memberIds: a.memberIds,
    adminIds: a.adminIds,
    teamIds: a.teamIds,
  }),

  toLegacy: ({ row, refs, memberIds, adminIds, teamIds }) => ({
    id: row.legacyId ?? row.id,
    name: row.name,
    owner_id: formatString(refs.ownerId),
    plan: row.plan,
    storage_limit: formatNumber(row.storageLimitBytes),
    member_ids: formatIdList(memberIds),
    admin_ids: formatIdList(adminIds),
    team_ids: formatIdList(teamIds),
    deleted: formatBoolean(false),
    created_at: formatTimestamp(row.createdAt),
    updated_at: formatTimestamp(row.updatedAt),
  }),

  repairsOf: (a) => {
    const repairs: RepairCode[] = [];
    if (a.updatedAt === null) repairs.push('updated_at_defaulted');
    return repairs;
  },
};
