import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { canManageAccount } from '../../../../accounts/account';
import { AccountPolicy } from '../../../../accounts/account';
import { forbidden } from '../../../../shared/errors';
import { ProjectCreated } from '../../../events';
import { ProjectPolicy } from '../../policy/project-policy';
import { ProjectView, toProjectView } from '../../views/project.view';
import { CreateProjectCommand } from './create-project.command';

/**
 * Members of the team and the account's owners and admins create projects. The project and its
 * root folder are made together, and the creator owns (manages) the project.
 */
@CommandHandler(CreateProjectCommand)
export class CreateProjectHandler implements ICommandHandler<CreateProjectCommand, ProjectView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountPolicy,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: CreateProjectCommand): Promise<ProjectView> {
    return this.uow.run(async (tx, events) => {
      const { team, role } = await this.accounts.requireTeamAccess(tx, actor, input.teamId);
      const creator = actorUserId(actor) ?? null;
      if (!canManageAccount(role)) {
        const inTeam = creator
          ? await tx.teamMember.findUnique({
              where: { teamId_userId: { teamId: team.id, userId: creator } },
            })
          : null;
        if (!inTeam) throw forbidden('Only members of the team can create projects in it');
      }
      const projectId = newId();
      const rootAssetId = newId();
      // The project row comes first: the root folder's project_id references it, while
      // projects.root_asset_id deliberately has no foreign key.
      const project = await tx.project.create({
        data: {
          id: projectId,
          accountId: team.accountId,
          teamId: team.id,
          name: input.name,
          private: input.private,
          rootAssetId,
          ownerId: creator,
        },
      });
      await tx.asset.create({
        data: {
          id: rootAssetId,
          projectId,
          accountId: team.accountId,
          parentId: null,
          type: 'folder',
          name: input.name,
          status: 'ready',
          creatorId: creator,
        },
      });
      events.record(
        new ProjectCreated({
          actor,
          accountId: project.accountId,
          teamId: project.teamId,
          projectId: project.id,
          subject: { type: 'project', id: project.id },
          payload: { name: project.name, private: project.private, rootAssetId },
        }),
      );
      const grant = await this.policy.accessTo(tx, actor, project);
      return toProjectView(project, grant?.access ?? 'manager');
    });
  }
}
