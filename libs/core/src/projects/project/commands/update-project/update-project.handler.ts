import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { conflict } from '../../../../shared/errors';
import { ProjectUpdated } from '../../../events';
import { ProjectPolicy } from '../../policy/project-policy';
import { ProjectView, toProjectView } from '../../views/project.view';
import { UpdateProjectCommand } from './update-project.command';

interface ProjectChanges {
  name?: string;
  private?: boolean;
  archived?: boolean;
}

/**
 * Managers rename a project, make it private or public, archive or unarchive it. An archived
 * project is read-only, so apart from unarchiving it (possibly together with other changes)
 * only a repeated `archived: true` is accepted.
 */
@CommandHandler(UpdateProjectCommand)
export class UpdateProjectHandler implements ICommandHandler<UpdateProjectCommand, ProjectView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: UpdateProjectCommand): Promise<ProjectView> {
    return this.uow.run(async (tx, events) => {
      const { project, access } = await this.policy.requireProject(
        tx,
        actor,
        input.projectId,
        'manager',
        { allowArchived: true },
      );
      const changes: ProjectChanges = {};
      if (input.name !== undefined && input.name !== project.name) changes.name = input.name;
      if (input.private !== undefined && input.private !== project.private)
        changes.private = input.private;
      if (input.archived !== undefined && input.archived !== project.archived)
        changes.archived = input.archived;
      const staysArchived = project.archived && changes.archived !== false;
      if (staysArchived && (changes.name !== undefined || changes.private !== undefined)) {
        throw conflict('The project is archived; unarchive it to make changes', 'project_archived');
      }
      if (Object.keys(changes).length === 0) return toProjectView(project, access);

      const updated = await tx.project.update({ where: { id: project.id }, data: changes });
      if (changes.name !== undefined) {
        // The root folder carries the project's name (it is what clients show at the top).
        await tx.asset.updateMany({
          where: { id: project.rootAssetId, projectId: project.id },
          data: { name: changes.name },
        });
      }
      events.record(
        new ProjectUpdated({
          actor,
          accountId: project.accountId,
          teamId: project.teamId,
          projectId: project.id,
          subject: { type: 'project', id: project.id },
          payload: { changes },
        }),
      );
      return toProjectView(updated, access);
    });
  }
}
