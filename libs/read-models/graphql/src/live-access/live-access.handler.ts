import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, MembershipRole, Prisma, PrismaService, ProjectRole } from '@dailies/db';
import { resolveProjectAccess } from '@dailies/core';
import { LiveAccessQuery, LiveGrant } from './live-access.query';

interface Row {
  owner_id: string | null;
  private: boolean;
  account_role: MembershipRole | null;
  team_member: boolean;
  collaborator_role: ProjectRole | null;
}

/** One statement: the project and every relation that can grant access to it. */
@QueryHandler(LiveAccessQuery)
export class LiveAccessHandler implements IQueryHandler<LiveAccessQuery, LiveGrant | null> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor, projectId }: LiveAccessQuery): Promise<LiveGrant | null> {
    if (actor.type === 'staff') return { access: 'manager', insider: true };
    if (actor.type !== 'user' || !isUuid(projectId) || !isUuid(actor.id)) return null;
    const [row] = await this.prisma.$queryRaw<Row[]>(Prisma.sql`
      SELECT p.owner_id::text AS owner_id, p.private,
             (SELECT m.role::text FROM memberships m
              WHERE m.account_id = p.account_id AND m.user_id = ${actor.id}::uuid) AS account_role,
             EXISTS (SELECT 1 FROM team_members tm
                     WHERE tm.team_id = p.team_id AND tm.user_id = ${actor.id}::uuid) AS team_member,
             (SELECT pc.role::text FROM project_collaborators pc
              WHERE pc.project_id = p.id AND pc.user_id = ${actor.id}::uuid) AS collaborator_role
      FROM projects p WHERE p.id = ${projectId}::uuid`);
    if (!row) return null;
    const access = resolveProjectAccess({
      accountRole: row.account_role,
      teamMember: row.team_member,
      projectOwner: row.owner_id === actor.id,
      collaboratorRole: row.collaborator_role,
      private: row.private,
    });
    return access ? { access, insider: row.account_role !== null } : null;
  }
}
