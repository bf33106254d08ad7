import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { forbidden, notFound } from '../../../../shared/errors';
import { CollaboratorRemoved } from '../../../events';
import { ProjectPolicy } from '../../policy/project-policy';
import { atLeast } from '../../policy/project-rules';
import { RemoveCollaboratorCommand } from './remove-collaborator.command';

/** Managers remove collaborators; a collaborator may leave (remove themselves). */
@CommandHandler(RemoveCollaboratorCommand)
export class RemoveCollaboratorHandler implements ICommandHandler<RemoveCollaboratorCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: RemoveCollaboratorCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const { project, access } = await this.policy.requireProject(
        tx,
        actor,
        input.projectId,
        'viewer',
        { allowArchived: true },
      );
      const leaving = actorUserId(actor) === input.userId;
      if (!leaving && !atLeast(access, 'manager')) {
        throw forbidden('Only project managers can remove other collaborators');
      }
      const removed = isUuid(input.userId)
        ? await tx.projectCollaborator.deleteMany({
            where: { projectId: project.id, userId: input.userId },
          })
        : { count: 0 };
      if (removed.count === 0) throw notFound('Collaborator');
      events.record(
        new CollaboratorRemoved({
          actor,
          accountId: project.accountId,
          teamId: project.teamId,
          projectId: project.id,
          subject: { type: 'project', id: project.id },
          payload: { userId: input.userId },
        }),
      );
    });
  }
}
