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
  if (asset.type === 'folder') {
    throw conflict('Comments go on files and version stacks, not on folders', 'comment_on_folder');
  }
  const head = await db.asset.findFirst({
    where: { parentId: asset.id, type: 'file', deletedAt: null },
    orderBy: [{ version: 'desc' }, { id: 'desc' }],
  });
  if (!head) throw conflict('This version stack has no versions to comment on', 'empty_stack');
  return head;
}
