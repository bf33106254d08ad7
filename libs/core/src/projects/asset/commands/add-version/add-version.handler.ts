import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Asset, newId } from '@dailies/db';
import { actorUserId, EventRecorder, UnitOfWork } from '@dailies/events';
import { conflict, notFound } from '../../../../shared/errors';
import { Db } from '../../../../shared/db';
import { AssetCreated, AssetMoved, AssetVersioned } from '../../asset.events';
import { ProjectPolicy } from '../../../project';
import { lockAssetRows, lockProjectTree } from '../../rules/asset-locks';
import { AssetEventBase, assetSubject, eventBase } from '../../rules/asset-scope';
import {
  liveVersionIds,
  settleStack,
  syncStackHead,
  writeVersionOrder,
} from '../../rules/asset-stacks';
import { toAssetViewOf } from '../../rules/asset-views';
import { AssetView } from '../../views/asset.view';
import { AddVersionCommand } from './add-version.command';

export interface AddVersionResult {
  /** True when this request turned a file into a new stack. */
  createdStack: boolean;
  stack: AssetView;
}

/**
 * Editors stack versions. On a file: a version stack takes the file's place (parent, position,
 * name, label), with the file as version 1 and the next file as version 2. On a stack (or one of
 * its versions): the next file becomes the latest version. A file taken from another stack
 * leaves that stack settled (renumbered, or dissolved when one version is left).
 */
@CommandHandler(AddVersionCommand)
export class AddVersionHandler implements ICommandHandler<AddVersionCommand, AddVersionResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: AddVersionCommand): Promise<AddVersionResult> {
    return this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireAsset(tx, actor, input.assetId, 'editor');
      await this.policy.requireAsset(tx, actor, input.nextAssetId, 'editor');
      await lockProjectTree(tx, project.id);
      // Read under the tree lock: no move or trash can change either until commit.
      const asset = await liveAsset(tx, input.assetId);
      const next = await liveAsset(tx, input.nextAssetId);
      if (next.projectId !== project.id) {
        throw conflict('Versions must come from the same project', 'other_project');
      }
      const parent = asset.parentId ? await liveAsset(tx, asset.parentId) : null;
      const stack =
        asset.type === 'version_stack' ? asset : parent?.type === 'version_stack' ? parent : null;
      if (!stack && asset.type !== 'file') {
        throw conflict('Only files and version stacks take versions', 'not_versionable');
      }
      if (next.type !== 'file') {
        throw conflict('Only a file can become a version', 'next_not_file');
      }
      if (next.id === asset.id) {
        throw conflict('A file cannot become a version of itself', 'same_asset');
      }
      if (stack && next.parentId === stack.id) {
        throw conflict('That file is already a version in this stack', 'already_in_stack');
      }
      await lockAssetRows(tx, [asset.id, asset.parentId, next.id, next.parentId].filter(isId));
      const base = eventBase(actor, project);
      const createdStack = stack === null;
      const target = stack ?? (await this.stackInPlaceOf(tx, asset, events, base));
      const versions = [...(await liveVersionIds(tx, target.id)), next.id];
      await tx.asset.update({ where: { id: next.id }, data: { parentId: target.id } });
      await writeVersionOrder(tx, versions);
      await syncStackHead(tx, target.id);
      events.record(
        new AssetMoved({
          ...base,
          subject: assetSubject(next.id),
          payload: {
            fromParentId: next.parentId,
            toParentId: target.id,
            index: versions.length - 1,
            creatorId: next.creatorId,
          },
        }),
        new AssetVersioned({
          ...base,
          subject: assetSubject(target.id),
          payload: {
            stackId: target.id,
            versionAssetId: next.id,
            version: versions.length,
            createdStack,
            creatorId: next.creatorId,
          },
        }),
      );
      const from = next.parentId
        ? await tx.asset.findUnique({ where: { id: next.parentId } })
        : null;
      if (from?.type === 'version_stack') await settleStack(tx, from, events, base);
      const stackRow = await tx.asset.findUniqueOrThrow({ where: { id: target.id } });
      return { createdStack, stack: await toAssetViewOf(tx, stackRow) };
    });
  }

  /** A new stack in the file's place, holding the file as version 1. */
  private async stackInPlaceOf(
    tx: Db,
    file: Asset,
    events: EventRecorder,
    base: AssetEventBase,
  ): Promise<Asset> {
    if (file.parentId === null) throw new Error(`File ${file.id} has no parent`);
    const stack = await tx.asset.create({
      data: {
        id: newId(),
        projectId: file.projectId,
        accountId: file.accountId,
        parentId: file.parentId,
        type: 'version_stack',
        name: file.name,
        label: file.label,
        sortOrder: file.sortOrder,
        creatorId: actorUserId(base.actor) ?? null,
      },
    });
    await tx.asset.update({
      where: { id: file.id },
      data: { parentId: stack.id, version: 1, sortOrder: 1024n },
    });
    events.record(
      new AssetCreated({
        ...base,
        subject: assetSubject(stack.id),
        payload: {
          parentId: stack.parentId,
          type: stack.type,
          name: stack.name,
          filetype: file.filetype,
          filesize: 0,
          creatorId: stack.creatorId,
        },
      }),
      new AssetMoved({
        ...base,
        subject: assetSubject(file.id),
        payload: {
          fromParentId: file.parentId,
          toParentId: stack.id,
          index: 0,
          creatorId: file.creatorId,
        },
      }),
    );
    return stack;
  }
}

async function liveAsset(db: Db, id: string): Promise<Asset> {
  const asset = await db.asset.findFirst({ where: { id, deletedAt: null } });
  if (!asset) throw notFound('Asset');
  return asset;
}

const isId = (id: string | null): id is string => id !== null;
