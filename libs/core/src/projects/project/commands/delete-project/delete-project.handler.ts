import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { Db } from '../../../../shared/db';
import { ProjectDeleted } from '../../../events';
import { ProjectPolicy } from '../../policy/project-policy';
import { DeleteProjectCommand } from './delete-project.command';

/**
 * Managers delete a project, archived or not; its assets, comments, review links and
 * collaborators go with it (foreign keys cascade). The event says how many files and bytes went
 * away so that storage usage can be given back without reading the deleted rows.
 */
@CommandHandler(DeleteProjectCommand)
export class DeleteProjectHandler implements ICommandHandler<DeleteProjectCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: DeleteProjectCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireProject(tx, actor, input.projectId, 'manager', {
        allowArchived: true,
      });
      // Lock the project row first: a concurrent asset insert (its foreign key check needs a share
      // lock on this row) either committed before and is counted, or waits and then fails.
      await tx.$queryRaw`SELECT id FROM projects WHERE id = ${project.id}::uuid FOR UPDATE`;
      const live = await fileTotals(tx, project.id, false);
      const trashed = await fileTotals(tx, project.id, true);
      await tx.project.delete({ where: { id: project.id } });
      events.record(
        new ProjectDeleted({
          actor,
          accountId: project.accountId,
          teamId: project.teamId,
          projectId: project.id,
          subject: { type: 'project', id: project.id },
          payload: {
            name: project.name,
            fileCount: live.count,
            storageBytes: live.bytes,
            trashedFileCount: trashed.count,
            trashedStorageBytes: trashed.bytes,
          },
        }),
      );
    });
  }
}

/**
 * Files (not folders or stacks, which hold no bytes themselves) live or in the trash. Bytes count
 * only once an upload completed — the same rule as usage (libs/core/src/usage/usage-rule.ts).
 */
async function fileTotals(db: Db, projectId: string, inTrash: boolean) {
  const [totals] = await db.$queryRaw<{ count: number; bytes: bigint | null }[]>`
    SELECT count(*)::int AS count,
           sum(filesize) FILTER (WHERE status <> 'uploading') AS bytes
    FROM assets
    WHERE project_id = ${projectId}::uuid AND type = 'file'
      AND (deleted_at IS NOT NULL) = ${inTrash}`;
  return { count: totals?.count ?? 0, bytes: Number(totals?.bytes ?? 0n) };
}
