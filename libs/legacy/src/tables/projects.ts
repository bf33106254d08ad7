import { LegacyTable, parseWith, requireId } from '../definition';
import { isHexId, isUuidId, newIdFromHex, newIdFromUuid, syntheticRootId } from '../ids';
import type { RepairCode } from '../reasons';
import {
  formatBoolean,
  formatIdList,
  formatString,
  formatTimestamp,
  LegacyValueError,
  readBoolean,
  readIdList,
  readMatch,
  readTimestamp,
  requireMatch,
  requireString,
  requireTimestamp,
} from '../values';

export interface LegacyProject {
  id: string;
  teamId: string;
  name: string;
  ownerId: string | null;
  rootAssetId: string | null;
  collaboratorIds: string[];
  reviewerIds: string[];
  private: boolean;
  archived: boolean;
  createdAt: Date;
  updatedAt: Date | null;
}

/** The `projects` row; `account_id` is the team's account (the loader joins it). */
export interface ProjectRow {
  id: string;
  legacyId: string | null;
  teamId: string;
  name: string;
  private: boolean;
  archived: boolean;
  /** The legacy root's id, or the synthetic root's; the migrator settles it once assets exist. */
  rootAssetId: string;
  ownerId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type CollaboratorRole = 'editor' | 'reviewer' | 'viewer';

export interface NewProject {
  row: ProjectRow;
  refs: { teamId: string; ownerId: string | null; rootAssetId: string | null };
  /**
   * collaborator_ids → editor, reviewer_ids → reviewer (someone in both is an editor), in list
   * order. New-system viewers have no legacy list; the /v1 record shows them as reviewers (who
   * may view).
   */
  collaborators: { userId: string; role: CollaboratorRole }[];
}

export const projectsTable: LegacyTable<LegacyProject, NewProject> = {
  name: 'projects',
  attributes: [
    'id',
    'team_id',
    'name',
    'owner_id',
    'root_asset_id',
    'collaborator_ids',
    'reviewer_ids',
    'private',
    'archived',
    'deleted_at',
    'created_at',
    'updated_at',
  ],
  dependsOn: ['teams', 'users'],
  secretAttributes: [],
  isLegacyId: isHexId,

  parse: (raw) =>
    parseWith(() => {
      const project: LegacyProject = {
        id: requireId(raw, isHexId, 'a 24-hex id'),
        teamId: requireMatch(raw, 'team_id', isHexId, 'a 24-hex id'),
        name: requireString(raw, 'name'),
        ownerId: readMatch(raw, 'owner_id', isHexId, 'a 24-hex id'),
        rootAssetId: readMatch(raw, 'root_asset_id', isUuidId, 'a UUID'),
        collaboratorIds: readIdList(raw, 'collaborator_ids', isHexId),
        reviewerIds: readIdList(raw, 'reviewer_ids', isHexId),
        private: readBoolean(raw, 'private', false),
        archived: readBoolean(raw, 'archived', false),
        createdAt: requireTimestamp(raw, 'created_at'),
        updatedAt: readTimestamp(raw, 'updated_at'),
      };
      if (readTimestamp(raw, 'deleted_at') !== null) {
        throw new LegacyValueError('soft_deleted', 'deleted_at', 'the project is deleted');
      }
      return project;
    }),

  toNew: (p) => {
    const editors = new Set(p.collaboratorIds);
    return {
      row: {
        id: newIdFromHex('projects', p.id),
        legacyId: p.id,
        teamId: newIdFromHex('teams', p.teamId),
        name: p.name,
        private: p.private,
        archived: p.archived,
        rootAssetId: p.rootAssetId ? newIdFromUuid(p.rootAssetId) : syntheticRootId(p.id),
        ownerId: p.ownerId ? newIdFromHex('users', p.ownerId) : null,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt ?? p.createdAt,
      },
      refs: { teamId: p.teamId, ownerId: p.ownerId, rootAssetId: p.rootAssetId },
      collaborators: [
        ...p.collaboratorIds.map((userId) => ({ userId, role: 'editor' as const })),
        ...p.reviewerIds
          .filter((id) => !editors.has(id))
          .map((userId) => ({ userId, role: 'reviewer' as const })),
      ],
    };
  },

  toLegacy: ({ row, refs, collaborators }) => ({
    id: row.legacyId ?? row.id,
    team_id: refs.teamId,
    name: row.name,
    owner_id: formatString(refs.ownerId),
    root_asset_id: formatString(refs.rootAssetId),
    collaborator_ids: formatIdList(
      collaborators.filter((c) => c.role === 'editor').map((c) => c.userId),
    ),
    reviewer_ids: formatIdList(
      collaborators.filter((c) => c.role !== 'editor').map((c) => c.userId),
    ),
    private: formatBoolean(row.private),
    archived: formatBoolean(row.archived),
    deleted_at: formatTimestamp(null),
    created_at: formatTimestamp(row.createdAt),
    updated_at: formatTimestamp(row.updatedAt),
  }),

  repairsOf: (p) => {
    const repairs: RepairCode[] = [];
    if (p.reviewerIds.some((id) => p.collaboratorIds.includes(id))) {
      repairs.push('collaborator_both_roles');
    }
    if (p.updatedAt === null) repairs.push('updated_at_defaulted');
    return repairs;
  },
};
