import { isUuid } from '@dailies/db';
import { z } from 'zod';
import { Db } from '../../../shared/db';
import { FieldError, validationFailed } from '../../../shared/errors';
import { idSchema } from '../../../shared/validate';

/** 1–500 asset ids, each once; their order is the order reviewers see. */
export const reviewAssetIdsSchema = z
  .array(idSchema)
  .min(1, 'must list at least one asset')
  .max(500, 'must list at most 500 assets')
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: [index], message: `${id} is listed twice` });
      seen.add(id);
    });
  });

/**
 * A review link shares files and version stacks of its own project that are not in the trash
 * (folders would need their subtree opened to anonymous reviewers; share their files instead).
 */
export async function checkShareableAssets(
  db: Db,
  projectId: string,
  assetIds: string[],
): Promise<void> {
  const assets = await db.asset.findMany({
    where: { id: { in: assetIds.filter(isUuid) }, projectId, deletedAt: null },
    select: { id: true, type: true },
  });
  const byId = new Map(assets.map((a) => [a.id, a]));
  const errors: FieldError[] = [];
  assetIds.forEach((id, index) => {
    const asset = byId.get(id);
    if (!asset) {
      errors.push({ field: `assetIds.${index}`, message: `${id} is not an asset of this project` });
    } else if (asset.type === 'folder') {
      errors.push({
        field: `assetIds.${index}`,
        message: `${id} is a folder; share its files or version stacks`,
      });
    }
  });
  if (errors.length) throw validationFailed(errors, 'Some assets cannot be shared in this link');
}

/** The shared assets of each link, in link order, leaving out the ones in the trash. */
export async function sharedAssetIds(
  db: Db,
  reviewLinkIds: string[],
): Promise<Map<string, string[]>> {
  const items = await db.reviewLinkItem.findMany({
    where: { reviewLinkId: { in: reviewLinkIds }, asset: { deletedAt: null } },
    orderBy: [{ reviewLinkId: 'asc' }, { position: 'asc' }],
    select: { reviewLinkId: true, assetId: true },
  });
  const byLink = new Map<string, string[]>(reviewLinkIds.map((id) => [id, []]));
  for (const item of items) byLink.get(item.reviewLinkId)?.push(item.assetId);
  return byLink;
}

/** Replaces a link's items by `assetIds`, in that order. */
export async function setSharedAssets(db: Db, reviewLinkId: string, assetIds: string[]) {
  await db.reviewLinkItem.deleteMany({ where: { reviewLinkId } });
  await db.reviewLinkItem.createMany({
    data: assetIds.map((assetId, position) => ({ reviewLinkId, assetId, position })),
  });
}
