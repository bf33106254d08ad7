import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Asset, isUuid } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { conflict, notFound } from '../../../../shared/errors';
import { Db } from '../../../../shared/db';
import { AssetMoved, AssetVersioned } from '../../asset.events';
import { ProjectPolicy } from '../../../project';
import { lockAssetRows, lockProjectTree } from '../../rules/asset-locks';
import { assetSubject, eventBase } from '../../rules/asset-scope';
import {
  liveVersionIds,
  settleStack,
  syncStackHead,
  writeVersionOrder,
} from '../../rules/asset-stacks';
import { isWithin } from '../../rules/asset-subtree';
import { toAssetViewOf } from '../../rules/asset-views';
import { positionOf, sortKeyFor } from '../../rules/sibling-order';
import { AssetView } from '../../views/asset.view';
import { MoveAssetCommand } from './move-asset.command';

/** Editors move assets within their project; never into a file, itself or its own subtree. */
@CommandHandler(MoveAssetCommand)
export class MoveAssetHandler implements ICommandHandler<MoveAssetCommand, AssetView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: MoveAssetCommand): Promise<AssetView> {
    return this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireAsset(tx, actor, input.assetId, 'editor');
      await lockProjectTree(tx, project.id);
      // Read under the tree lock: no other move can change the shape until commit.
      const asset = await tx.asset.findFirst({ where: { id: input.assetId, deletedAt: null } });
      if (!asset) throw notFound('Asset');
      const target = await liveAssetIn(tx, input.parentId, project.id);
      if (asset.parentId === null) {
        throw conflict('The root folder of a project cannot be moved', 'root_folder');
      }
      if (await isWithin(tx, target.id, asset.id)) {
        throw conflict('An asset cannot be moved into itself or its own subtree', 'move_into_self');
      }
      if (target.type === 'file') {
        throw conflict(
          'Assets can only be moved into a folder or a version stack',
          'parent_not_folder',
        );
      }
      if (target.type === 'version_stack' && asset.type !== 'file') {
        throw conflict('Only files can become versions of a stack', 'stack_takes_files');
      }
      await lockAssetRows(tx, [asset.id, asset.parentId, target.id]);
      const from = asset.parentId;
      const base = eventBase(actor, project);
      let index: number;
      if (target.type === 'version_stack') {
        const others = (await liveVersionIds(tx, target.id)).filter((id) => id !== asset.id);
        index = Math.min(input.index ?? others.length, others.length);
        if (from !== target.id) {
          await tx.asset.update({ where: { id: asset.id }, data: { parentId: target.id } });
        }
        await writeVersionOrder(tx, [...others.slice(0, index), asset.id, ...others.slice(index)]);
        await syncStackHead(tx, target.id);
      } else {
        const sortOrder = await sortKeyFor(tx, target.id, input.index, asset.id);
        const moved = await tx.asset.update({
          where: { id: asset.id },
          data: { parentId: target.id, sortOrder, version: 1 },
        });
        index = await positionOf(tx, moved);
      }
      events.record(
        new AssetMoved({
          ...base,
          subject: assetSubject(asset.id),
          payload: { fromParentId: from, toParentId: target.id, index, creatorId: asset.creatorId },
        }),
      );
      if (target.type === 'version_stack' && from !== target.id) {
        events.record(
          new AssetVersioned({
            ...base,
            subject: assetSubject(target.id),
            payload: {
              stackId: target.id,
              versionAssetId: asset.id,
              version: index + 1,
              createdStack: false,
              creatorId: asset.creatorId,
            },
          }),
        );
      }
      if (from !== target.id) {
        const old = await tx.asset.findUnique({ where: { id: from } });
        if (old?.type === 'version_stack') await settleStack(tx, old, events, base);
      }
      const moved = await tx.asset.findUniqueOrThrow({ where: { id: asset.id } });
      return toAssetViewOf(tx, moved);
    });
  }
}

/** The move's target: a live asset of the same project (anything else is not found). */
async function liveAssetIn(db: Db, id: string, projectId: string): Promise<Asset> {
  const target = isUuid(id)
    ? await db.asset.findFirst({ where: { id, projectId, deletedAt: null } })
    : null;
  if (!target) throw notFound('Target folder');
  return target;
}
