import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, Prisma, PrismaService } from '@dailies/db';
import { actorUserId } from '@dailies/events';
import { AccountPolicy } from '../../../../accounts/account';
import { canManageAccount } from '../../../../accounts/account';
import { notFound, validationFailed } from '../../../../shared/errors';
import { decodeCursor, Page, toPage } from '../../../../shared/pagination';
import { ProjectAccess, resolveProjectAccess } from '../../policy/project-rules';
import { ProjectView, toProjectView } from '../../views/project.view';
import { ListProjectsQuery } from './list-projects.query';

/**
 * The team's projects the caller may see, newest first (by creation time, which migrated
 * projects keep from the legacy store): account owners and admins see all; team members the
 * non-private ones and those they own; collaborators the ones they were added to. Outside the
 * account the team exists only for someone collaborating on one of its projects.
 */
@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery, Page<ProjectView>> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly accounts: AccountPolicy,
  ) {}

  async execute({ actor, teamId, params }: ListProjectsQuery): Promise<Page<ProjectView>> {
    const team = isUuid(teamId)
      ? await this.prisma.team.findUnique({ where: { id: teamId } })
      : null;
    if (!team) throw notFound('Team');
    const accountRole = await this.accounts.roleIn(this.prisma, actor, team.accountId);
    const manager = accountRole !== null && canManageAccount(accountRole);
    const me = actorUserId(actor);
    let teamMember = false;
    let visible: Prisma.ProjectWhereInput = {};
    if (!manager) {
      if (!me) throw notFound('Team');
      teamMember =
        accountRole !== null &&
        (await this.prisma.teamMember.count({ where: { teamId: team.id, userId: me } })) > 0;
      // Mirrors resolveProjectAccess: one condition per relation that grants access.
      const grants: Prisma.ProjectWhereInput[] = [{ collaborators: { some: { userId: me } } }];
      if (accountRole) grants.push({ ownerId: me });
      if (teamMember) grants.push({ private: false });
      visible = { OR: grants };
      if (!accountRole) {
        const collaborations = await this.prisma.project.count({
          where: { teamId: team.id, ...visible },
        });
        if (collaborations === 0) throw notFound('Team');
      }
    }

    const after = createdCursor(decodeCursor(params.cursor, ['time', 'id']));
    const rows = await this.prisma.project.findMany({
      where: {
        teamId: team.id,
        archived: params.archived,
        AND: [
          visible,
          after
            ? {
                OR: [
                  { createdAt: { lt: after.createdAt } },
                  { createdAt: after.createdAt, id: { lt: after.id } },
                ],
              }
            : {},
        ],
      },
      include: {
        collaborators: { where: { userId: { in: me ? [me] : [] } }, select: { role: true } },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: params.limit + 1,
    });
    const withAccess = rows.flatMap((project) => {
      const access: ProjectAccess | null = manager
        ? 'manager'
        : resolveProjectAccess({
            accountRole,
            teamMember,
            projectOwner: project.ownerId !== null && project.ownerId === me,
            collaboratorRole: project.collaborators[0]?.role ?? null,
            private: project.private,
          });
      return access ? [{ project, access }] : [];
    });
    return toPage(
      withAccess,
      params.limit,
      ({ project }) => [project.createdAt.toISOString(), project.id],
      ({ project, access }) => toProjectView(project, access),
    );
  }
}

/** A decoded cursor checked enough that the database never sees a malformed value. */
function createdCursor(key: (string | number)[] | undefined) {
  if (!key) return undefined;
  const createdAt = new Date(String(key[0]));
  const id = String(key[1]);
  if (Number.isNaN(createdAt.getTime()) || !isUuid(id)) {
    throw validationFailed(
      [{ field: 'cursor', message: 'is not a cursor this API returned' }],
      'The cursor is not valid',
    );
  }
  return { createdAt, id };
}
