import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Asset } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { conflict, notFound } from '../../../../shared/errors';
import { Db } from '../../../../shared/db';
import { AssetRestored } from '../../asset.events';
import { ProjectPolicy } from '../../../project';
import { lockProjectTree } from '../../rules/asset-locks';
import { assetSubject, eventBase } from '../../rules/asset-scope';
import { liveVersionIds, syncStackHead, writeVersionOrder } from '../../rules/asset-stacks';
import { trashUsage } from '../../rules/asset-subtree';
import { clearTrashed, lockTrashed } from '../../rules/asset-trash';
import { toAssetViewOf } from '../../rules/asset-views';
import { sortKeyFor } from '../../rules/sibling-order';
import { AssetView } from '../../views/asset.view';
import { RestoreAssetCommand } from './restore-asset.command';

/**
 * Editors restore what a user trashed: the marks of exactly that trash operation are cleared.
 * It goes back to its old parent (in its old place; a version back into its stack as the
 * latest version) if that parent is still there, else to the end of the project's root folder.
 */
@CommandHandler(RestoreAssetCommand)
export class RestoreAssetHandler implements ICommandHandler<RestoreAssetCommand, AssetView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: RestoreAssetCommand): Promise<AssetView> {
    return this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireAsset(tx, actor, input.assetId, 'editor', {
        trashed: 'only',
      });
      await lockProjectTree(tx, project.id);
      const asset = await tx.asset.findUnique({ where: { id: input.assetId } });
      if (!asset?.deletedAt) throw notFound('Asset');
      if (asset.trashRootId !== asset.id) {
        throw conflict(
          'It was trashed together with a folder or stack above it; restore that one',
          'not_trash_root',
        );
      }
      const target = await restoreTarget(tx, asset, project.rootAssetId);
      await lockTrashed(tx, asset.id, [target.id]);
      const usage = await trashUsage(tx, asset.id);
      await clearTrashed(tx, asset.id);
      if (target.type === 'version_stack') {
        await tx.asset.update({ where: { id: asset.id }, data: { parentId: target.id } });
        const others = (await liveVersionIds(tx, target.id)).filter((id) => id !== asset.id);
        await writeVersionOrder(tx, [...others, asset.id]);
        await syncStackHead(tx, target.id);
      } else if (target.id !== asset.parentId) {
        await tx.asset.update({
          where: { id: asset.id },
          data: { parentId: target.id, sortOrder: await sortKeyFor(tx, target.id, undefined) },
        });
      }
      events.record(
        new AssetRestored({
          ...eventBase(actor, project),
          subject: assetSubject(asset.id),
          payload: { parentId: target.id, creatorId: asset.creatorId, ...usage },
        }),
      );
      const restored = await tx.asset.findUniqueOrThrow({ where: { id: asset.id } });
      return toAssetViewOf(tx, restored);
    });
  }
}

/** The old parent if it is still a live container, else the project's root folder. */
async function restoreTarget(db: Db, asset: Asset, rootAssetId: string): Promise<Asset> {
  const parent = asset.parentId
    ? await db.asset.findFirst({
        where: { id: asset.parentId, deletedAt: null, type: { not: 'file' } },
      })
    : null;
  // A version only returns into a stack; a folder or stack never goes into one.
  const fits = parent && (parent.type === 'folder' || asset.type === 'file');
  if (parent && fits) return parent;
  const root = await db.asset.findUnique({ where: { id: rootAssetId } });
  if (!root) throw new Error(`Project root folder ${rootAssetId} is missing`);
  return root;
}
