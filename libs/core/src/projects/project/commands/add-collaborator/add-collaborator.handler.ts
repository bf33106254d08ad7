import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { conflict, notFound, validationFailed } from '../../../../shared/errors';
import { isUniqueViolation } from '../../../../shared/prisma-errors';
import { CollaboratorAdded } from '../../../events';
import { ProjectPolicy } from '../../policy/project-policy';
import { CollaboratorView, toCollaboratorView } from '../../views/collaborator.view';
import { AddCollaboratorCommand } from './add-collaborator.command';

const alreadyThere = () =>
  conflict('The user is already a collaborator on this project', 'already_collaborator');

/**
 * Managers give an existing user (inside the account or not) a role on the project. Archived
 * projects accept it: who may see an archive is not a change to its content.
 */
@CommandHandler(AddCollaboratorCommand)
export class AddCollaboratorHandler implements ICommandHandler<
  AddCollaboratorCommand,
  CollaboratorView
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: AddCollaboratorCommand): Promise<CollaboratorView> {
    return this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireProject(tx, actor, input.projectId, 'manager', {
        allowArchived: true,
      });
      const user =
        input.userId !== undefined
          ? isUuid(input.userId)
            ? await tx.user.findUnique({ where: { id: input.userId } })
            : null
          : await tx.user.findUnique({ where: { email: input.email } });
      if (!user && input.userId !== undefined) throw notFound('User');
      if (!user) {
        // Not a 404: the project exists, only the person does not have a Dailies login yet.
        throw validationFailed(
          [
            {
              field: 'email',
              message: `no user has this email; invite them first (POST /v2/accounts/${project.accountId}/invitations)`,
            },
          ],
          'No user has this email',
        );
      }
      const existing = await tx.projectCollaborator.findUnique({
        where: { projectId_userId: { projectId: project.id, userId: user.id } },
      });
      if (existing) throw alreadyThere();
      const collaborator = await tx.projectCollaborator
        .create({
          data: {
            projectId: project.id,
            userId: user.id,
            role: input.role,
            addedById: actorUserId(actor) ?? null,
          },
        })
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? alreadyThere() : error;
        });
      events.record(
        new CollaboratorAdded({
          actor,
          accountId: project.accountId,
          teamId: project.teamId,
          projectId: project.id,
          subject: { type: 'project', id: project.id },
          payload: { userId: user.id, role: collaborator.role },
        }),
      );
      return toCollaboratorView({ ...collaborator, user });
    });
  }
}
