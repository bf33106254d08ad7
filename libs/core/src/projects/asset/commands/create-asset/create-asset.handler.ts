import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId, Prisma } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { conflict, notFound } from '../../../../shared/errors';
import { AssetCreated } from '../../asset.events';
import { ProjectPolicy } from '../../../project';
import { lockAssetRows } from '../../rules/asset-locks';
import { assetSubject, eventBase } from '../../rules/asset-scope';
import { sortKeyFor } from '../../rules/sibling-order';
import { CreatedAssetView, toAssetView, uploadInstructionsFor } from '../../views/asset.view';
import { CreateAssetCommand } from './create-asset.command';

/**
 * Editors add folders (ready at once) and files (`uploading` until upload-complete) to a folder.
 * A file's answer carries its upload instructions.
 */
@CommandHandler(CreateAssetCommand)
export class CreateAssetHandler implements ICommandHandler<CreateAssetCommand, CreatedAssetView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: CreateAssetCommand): Promise<CreatedAssetView> {
    return this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireAsset(tx, actor, input.parentId, 'editor');
      // The parent's lock serialises concurrent inserts into it (see sibling-order).
      const [parent] = await lockAssetRows(tx, [input.parentId]);
      if (!parent || parent.deleted_at) throw notFound('Asset');
      if (parent.type !== 'folder') {
        throw conflict('Assets can only be created inside a folder', 'parent_not_folder');
      }
      const isFile = input.type === 'file';
      const asset = await tx.asset.create({
        data: {
          id: newId(),
          projectId: project.id,
          accountId: project.accountId,
          parentId: parent.id,
          type: input.type,
          name: input.name,
          filetype: input.filetype ?? null,
          filesize: BigInt(input.filesize ?? 0),
          duration: input.duration ?? null,
          fps: input.fps ?? null,
          frames: input.frames ?? null,
          status: isFile ? 'uploading' : 'ready',
          sortOrder: await sortKeyFor(tx, parent.id, input.index),
          properties: (input.properties ?? {}) as Prisma.InputJsonObject,
          creatorId: actorUserId(actor) ?? null,
        },
      });
      events.record(
        new AssetCreated({
          ...eventBase(actor, project),
          subject: assetSubject(asset.id),
          payload: {
            parentId: asset.parentId,
            type: asset.type,
            name: asset.name,
            filetype: asset.filetype,
            filesize: Number(asset.filesize),
            creatorId: asset.creatorId,
          },
        }),
      );
      const view = toAssetView(asset);
      return isFile ? { ...view, upload: uploadInstructionsFor(asset.id) } : view;
    });
  }
}
