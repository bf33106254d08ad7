import { Asset } from '@dailies/db';
import { Db } from '../../../shared/db';
import { conflict } from '../../../shared/errors';

/**
 * Where the comments of an asset live: a file's are its own; a version stack's are those of its
 * head version (the highest-numbered one not in the trash), so the stack shows what reviewers
 * are looking at; folders take no comments.
 */
export async function commentTargetOf(db: Db, asset: Asset): Promise<Asset> {
  if (asset.type === 'file') return asset;
  const head =
    asset.type === 'version_stack'
      ? await db.asset.findFirst({
          where: { parentId: asset.id, type: 'file', deletedAt: null },
          orderBy: [{ version: 'desc' }, { id: 'desc' }],
        })
      : null;
  commentTargetIdOf(asset, head?.id ?? null);
  return head as Asset;
}

/**
 * The same rule on facts read beforehand: the id comments go to, given the asset and (for a
 * version stack) its head version's id as `headVersionSql` reads it.
 */
export function commentTargetIdOf(
  asset: Pick<Asset, 'id' | 'type'>,
  headVersionId: string | null,
): string {
  if (asset.type === 'file') return asset.id;
  if (asset.type === 'folder') {
    throw conflict('Comments go on files and version stacks, not on folders', 'comment_on_folder');
  }
  if (!headVersionId) {
    throw conflict('This version stack has no versions to comment on', 'empty_stack');
  }
  return headVersionId;
}
