import { LegacyTable, parseWith, requireId } from '../definition';
import { isHexId, newIdFromHex } from '../ids';
import type { RepairCode } from '../reasons';
import {
  formatBoolean,
  formatIdList,
  formatTimestamp,
  LegacyValueError,
  readBoolean,
  readIdList,
  readTimestamp,
  requireMatch,
  requireString,
  requireTimestamp,
} from '../values';

export interface LegacyTeam {
  id: string;
  accountId: string;
  name: string;
  memberIds: string[];
  projectIds: string[];
  createdAt: Date;
  updatedAt: Date | null;
}

export interface TeamRow {
  id: string;
  legacyId: string | null;
  accountId: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewTeam {
  row: TeamRow;
  refs: { accountId: string };
  memberIds: string[];
  /** Ignored by the migrator: projects.team_id is authoritative (SCHEMA.md). */
  projectIds: string[];
}

export const teamsTable: LegacyTable<LegacyTeam, NewTeam> = {
  name: 'teams',
  attributes: [
    'id',
    'account_id',
    'name',
    'member_ids',
    'project_ids',
    'deleted',
    'created_at',
    'updated_at',
  ],
  dependsOn: ['accounts'],
  secretAttributes: [],
  isLegacyId: isHexId,

  parse: (raw) =>
    parseWith(() => {
      const team: LegacyTeam = {
        id: requireId(raw, isHexId, 'a 24-hex id'),
        accountId: requireMatch(raw, 'account_id', isHexId, 'a 24-hex id'),
        name: requireString(raw, 'name'),
        memberIds: readIdList(raw, 'member_ids', isHexId),
        projectIds: readIdList(raw, 'project_ids', isHexId),
        createdAt: requireTimestamp(raw, 'created_at'),
        updatedAt: readTimestamp(raw, 'updated_at'),
      };
      if (readBoolean(raw, 'deleted', false)) {
        throw new LegacyValueError('soft_deleted', 'deleted', 'the team is deleted');
      }
      return team;
    }),

  toNew: (t) => ({
    row: {
      id: newIdFromHex('teams', t.id),
      legacyId: t.id,
      accountId: newIdFromHex('accounts', t.accountId),
      name: t.name,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt ?? t.createdAt,
    },
    refs: { accountId: t.accountId },
    memberIds: t.memberIds,
    projectIds: t.projectIds,
  }),

  toLegacy: ({ row, refs, memberIds, projectIds }) => ({
    id: row.legacyId ?? row.id,
    account_id: refs.accountId,
    name: row.name,
    member_ids: formatIdList(memberIds),
    project_ids: formatIdList(projectIds),
    deleted: formatBoolean(false),
    created_at: formatTimestamp(row.createdAt),
    updated_at: formatTimestamp(row.updatedAt),
  }),

  repairsOf: (t) => {
    const repairs: RepairCode[] = [];
    if (t.updatedAt === null) repairs.push('updated_at_defaulted');
    return repairs;
  },
};
