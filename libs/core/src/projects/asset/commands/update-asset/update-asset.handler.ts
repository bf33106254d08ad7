import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Prisma } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { notFound } from '../../../../shared/errors';
import { AssetLabelChanged, AssetPropertiesChanged, AssetRenamed } from '../../asset.events';
import { ProjectPolicy } from '../../../project';
import { lockAssetRows } from '../../rules/asset-locks';
import { changedPropertyKeys } from '../../rules/asset-properties';
import { assetSubject, eventBase } from '../../rules/asset-scope';
import { toAssetViewOf } from '../../rules/asset-views';
import { AssetView } from '../../views/asset.view';
import { UpdateAssetCommand } from './update-asset.command';

/** Editors rename, relabel and set properties; one event per aspect that actually changed. */
@CommandHandler(UpdateAssetCommand)
export class UpdateAssetHandler implements ICommandHandler<UpdateAssetCommand, AssetView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: UpdateAssetCommand): Promise<AssetView> {
    return this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireAsset(tx, actor, input.assetId, 'editor');
      // Lock, then read: the "from" values of the events must be the ones really replaced.
      await lockAssetRows(tx, [input.assetId]);
      const before = await tx.asset.findUnique({ where: { id: input.assetId } });
      if (!before || before.deletedAt) throw notFound('Asset');
      const oldProperties = (before.properties ?? {}) as Record<string, unknown>;
      const changedKeys = input.properties
        ? changedPropertyKeys(oldProperties, input.properties)
        : [];
      const renamed = input.name !== undefined && input.name !== before.name;
      const relabelled = input.label !== undefined && input.label !== before.label;
      if (!renamed && !relabelled && changedKeys.length === 0) {
        return toAssetViewOf(tx, before);
      }
      const after = await tx.asset.update({
        where: { id: before.id },
        data: {
          ...(renamed ? { name: input.name } : {}),
          ...(relabelled ? { label: input.label } : {}),
          ...(changedKeys.length ? { properties: input.properties as Prisma.InputJsonObject } : {}),
        },
      });
      const scope = { ...eventBase(actor, project), subject: assetSubject(after.id) };
      const creatorId = after.creatorId;
      if (renamed) {
        events.record(
          new AssetRenamed({ ...scope, payload: { from: before.name, to: after.name, creatorId } }),
        );
      }
      if (relabelled) {
        events.record(
          new AssetLabelChanged({
            ...scope,
            payload: { from: before.label, to: after.label, creatorId },
          }),
        );
      }
      if (changedKeys.length) {
        events.record(
          new AssetPropertiesChanged({ ...scope, payload: { keys: changedKeys, creatorId } }),
        );
      }
      return toAssetViewOf(tx, after);
    });
  }
}
