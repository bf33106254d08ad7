import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { conflict, notFound } from '../../../../shared/errors';
import { AssetDeleted } from '../../asset.events';
import { ProjectPolicy } from '../../../project';
import { lockProjectTree } from '../../rules/asset-locks';
import { assetSubject, eventBase } from '../../rules/asset-scope';
import { settleStack } from '../../rules/asset-stacks';
import { trashUsage } from '../../rules/asset-subtree';
import { markTrashed } from '../../rules/asset-trash';
import { TrashAssetCommand } from './trash-asset.command';

/**
 * Editors trash assets; the subtree goes with them and disappears everywhere but the trash.
 * Trashing a version takes it out of its stack (the stack renumbers, or dissolves when one
 * version is left). The project's root folder cannot be trashed.
 */
@CommandHandler(TrashAssetCommand)
export class TrashAssetHandler implements ICommandHandler<TrashAssetCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: TrashAssetCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireAsset(tx, actor, input.assetId, 'editor');
      await lockProjectTree(tx, project.id);
      // Re-read under the tree lock: a concurrent move or trash may have changed it meanwhile.
      const current = await tx.asset.findFirst({ where: { id: input.assetId, deletedAt: null } });
      if (!current) throw notFound('Asset');
      if (current.parentId === null) {
        throw conflict('The root folder of a project cannot be deleted', 'root_folder');
      }
      await markTrashed(tx, current.id, new Date(), [current.parentId]);
      const base = eventBase(actor, project);
      events.record(
        new AssetDeleted({
          ...base,
          subject: assetSubject(current.id),
          payload: {
            parentId: current.parentId,
            creatorId: current.creatorId,
            ...(await trashUsage(tx, current.id)),
          },
        }),
      );
      const parent = await tx.asset.findUnique({ where: { id: current.parentId } });
      if (parent?.type === 'version_stack') await settleStack(tx, parent, events, base);
    });
  }
}
