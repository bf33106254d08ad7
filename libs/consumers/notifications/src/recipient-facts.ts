import { MembershipRole, Prisma, PrismaService, ProjectRole } from '@dailies/db';
import { resolveProjectAccess } from '@dailies/core';

interface FactsRow {
  user_id: string;
  timezone: string;
  preferences: unknown;
  account_role: MembershipRole | null;
  team_member: boolean;
  collaborator_role: ProjectRole | null;
  project_owner: boolean;
  private: boolean;
}

/** A candidate who can see the project now, with what delivery needs to know about them. */
export interface Recipient {
  userId: string;
  timezone: string;
  /** The stored preferences document (unvalidated; read with readStoredPreferences). */
  preferences: unknown;
  /** A member of the project's account (may see private comments). */
  insider: boolean;
}

/**
 * Of the candidates, those who can still see the project — the same rules as ProjectPolicy
 * (resolveProjectAccess), with the facts of every candidate read in one query.
 */
export async function recipientsWhoCanSee(
  db: PrismaService,
  projectId: string,
  userIds: readonly string[],
): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const rows = await db.$queryRaw<FactsRow[]>(Prisma.sql`
    SELECT u.id::text AS user_id, u.timezone, s.preferences,
           m.role::text AS account_role,
           EXISTS (SELECT 1 FROM team_members tm
                   WHERE tm.team_id = p.team_id AND tm.user_id = u.id) AS team_member,
           (SELECT pc.role::text FROM project_collaborators pc
            WHERE pc.project_id = p.id AND pc.user_id = u.id) AS collaborator_role,
           p.owner_id IS NOT DISTINCT FROM u.id AS project_owner,
           p.private
    FROM projects p
    JOIN users u ON u.id = ANY(${[...userIds]}::uuid[])
    LEFT JOIN memberships m ON m.account_id = p.account_id AND m.user_id = u.id
    LEFT JOIN notification_settings s ON s.user_id = u.id
    WHERE p.id = ${projectId}::uuid`);
  return rows
    .filter(
      (r) =>
        resolveProjectAccess({
          accountRole: r.account_role,
          teamMember: r.team_member,
          projectOwner: r.project_owner,
          collaboratorRole: r.collaborator_role,
          private: r.private,
        }) !== null,
    )
    .map((r) => ({
      userId: r.user_id,
      timezone: r.timezone,
      preferences: r.preferences,
      insider: r.account_role !== null,
    }));
}
