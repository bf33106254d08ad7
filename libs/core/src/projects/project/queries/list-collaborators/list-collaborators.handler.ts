import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import { validationFailed } from '../../../../shared/errors';
import { decodeCursor, Page, toPage } from '../../../../shared/pagination';
import { ProjectPolicy } from '../../policy/project-policy';
import { CollaboratorView, toCollaboratorView } from '../../views/collaborator.view';
import { ListCollaboratorsQuery } from './list-collaborators.query';

/** Everyone who sees the project sees its collaborators, in the order they were added. */
@QueryHandler(ListCollaboratorsQuery)
export class ListCollaboratorsHandler implements IQueryHandler<
  ListCollaboratorsQuery,
  Page<CollaboratorView>
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({
    actor,
    projectId,
    page,
  }: ListCollaboratorsQuery): Promise<Page<CollaboratorView>> {
    const { project } = await this.policy.requireProject(this.prisma, actor, projectId, 'viewer');
    const after = addedCursor(decodeCursor(page.cursor, ['time', 'id']));
    const rows = await this.prisma.projectCollaborator.findMany({
      where: {
        projectId: project.id,
        ...(after
          ? {
              OR: [
                { createdAt: { gt: after.addedAt } },
                { createdAt: after.addedAt, userId: { gt: after.userId } },
              ],
            }
          : {}),
      },
      include: { user: true },
      orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
      take: page.limit + 1,
    });
    return toPage(
      rows,
      page.limit,
      (c) => [c.createdAt.toISOString(), c.userId],
      toCollaboratorView,
    );
  }
}

/** A decoded cursor checked enough that the database never sees a malformed value. */
function addedCursor(key: (string | number)[] | undefined) {
  if (!key) return undefined;
  const addedAt = new Date(String(key[0]));
  const userId = String(key[1]);
  if (Number.isNaN(addedAt.getTime()) || !isUuid(userId)) {
    throw validationFailed(
      [{ field: 'cursor', message: 'is not a cursor this API returned' }],
      'The cursor is not valid',
    );
  }
  return { addedAt, userId };
}
