import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { notFound } from '../../../../shared/errors';
import { CollaboratorRoleChanged } from '../../../events';
import { ProjectPolicy } from '../../policy/project-policy';
import { CollaboratorView, toCollaboratorView } from '../../views/collaborator.view';
import { ChangeCollaboratorRoleCommand } from './change-collaborator-role.command';

/** Managers change a collaborator's role (archived projects too, like adding one). */
@CommandHandler(ChangeCollaboratorRoleCommand)
export class ChangeCollaboratorRoleHandler implements ICommandHandler<
  ChangeCollaboratorRoleCommand,
  CollaboratorView
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: ChangeCollaboratorRoleCommand): Promise<CollaboratorView> {
    return this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireProject(tx, actor, input.projectId, 'manager', {
        allowArchived: true,
      });
      const where = { projectId_userId: { projectId: project.id, userId: input.userId } };
      const current = isUuid(input.userId)
        ? await tx.projectCollaborator.findUnique({ where, include: { user: true } })
        : null;
      if (!current) throw notFound('Collaborator');
      if (current.role === input.role) return toCollaboratorView(current);
      const updated = await tx.projectCollaborator.update({
        where,
        data: { role: input.role },
        include: { user: true },
      });
      events.record(
        new CollaboratorRoleChanged({
          actor,
          accountId: project.accountId,
          teamId: project.teamId,
          projectId: project.id,
          subject: { type: 'project', id: project.id },
          payload: { userId: current.userId, from: current.role, to: updated.role },
        }),
      );
      return toCollaboratorView(updated);
    });
  }
}
