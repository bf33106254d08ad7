import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { conflict, notFound } from '../../../../shared/errors';
import { AssetCopied } from '../../asset.events';
import { StorageQuota } from '../../../../usage/services/storage-quota';
import { ProjectPolicy } from '../../../project';
import {
  copiedAssetRows,
  copiedCommentRows,
  copyAssetMedia,
  loadLiveSubtree,
} from '../../rules/asset-copy';
import { lockAssetRows } from '../../rules/asset-locks';
import { assetSubject, eventBase } from '../../rules/asset-scope';
import { isWithin } from '../../rules/asset-subtree';
import { usageOf } from '../../rules/asset-usage';
import { toAssetViewOf } from '../../rules/asset-views';
import { sortKeyFor } from '../../rules/sibling-order';
import { AssetView } from '../../views/asset.view';
import { CopyAssetCommand } from './copy-asset.command';

/**
 * Editors copy an asset with its whole live subtree into a folder of the same project, as new
 * assets (new ids; the copier is their creator), optionally with the comments and replies.
 * The copy of a version is a plain file.
 */
@CommandHandler(CopyAssetCommand)
export class CopyAssetHandler implements ICommandHandler<CopyAssetCommand, AssetView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly quota: StorageQuota,
  ) {}

  async execute({ actor, input }: CopyAssetCommand): Promise<AssetView> {
    return this.uow.run(async (tx, events) => {
      const { project, asset } = await this.policy.requireAsset(tx, actor, input.assetId, 'editor');
      const target = isUuid(input.parentId)
        ? await tx.asset.findFirst({
            where: { id: input.parentId, projectId: project.id, deletedAt: null },
          })
        : null;
      if (!target) throw notFound('Target folder');
      if (target.type !== 'folder') {
        throw conflict('Copies can only be placed in a folder', 'parent_not_folder');
      }
      if (await isWithin(tx, target.id, asset.id)) {
        throw conflict(
          'An asset cannot be copied into itself or its own subtree',
          'copy_into_self',
        );
      }
      const [locked] = await lockAssetRows(tx, [target.id]);
      if (!locked || locked.deleted_at) throw notFound('Target folder');
      // One statement reads the whole subtree: the copy is a consistent snapshot of it.
      const subtree = await loadLiveSubtree(tx, asset.id);
      if (subtree.length === 0) throw notFound('Asset');
      await this.quota.assertRoom(tx, project.accountId, usageOf(subtree).storageBytes);
      const { rows, newIds } = copiedAssetRows(subtree, {
        parentId: target.id,
        sortOrder: await sortKeyFor(tx, target.id, input.index),
        creatorId: actorUserId(actor) ?? null,
      });
      await tx.asset.createMany({ data: rows });
      await copyAssetMedia(tx, newIds);
      let commentCount = 0;
      if (input.withComments) {
        const comments = await tx.comment.findMany({
          where: { assetId: { in: subtree.map((a) => a.id) }, deletedAt: null },
        });
        const copies = copiedCommentRows(comments, newIds);
        if (copies.length) await tx.comment.createMany({ data: copies });
        commentCount = copies.length;
      }
      const copyId = rows[0].id;
      events.record(
        new AssetCopied({
          ...eventBase(actor, project),
          subject: assetSubject(copyId),
          payload: {
            sourceId: asset.id,
            copyId,
            parentId: target.id,
            commentCount,
            ...usageOf(subtree),
          },
        }),
      );
      const copy = await tx.asset.findUniqueOrThrow({ where: { id: copyId } });
      return toAssetViewOf(tx, copy);
    });
  }
}
