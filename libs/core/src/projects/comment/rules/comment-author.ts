import { Actor } from '@dailies/events';
import { Db } from '../../../shared/db';

export interface CommentAuthor {
  /** Null unless a signed-in user wrote the comment. */
  authorId: string | null;
  /** Kept with the comment: an anonymous reviewer's display name, else the name at the time. */
  authorName: string;
}

export async function commentAuthorOf(db: Db, actor: Actor): Promise<CommentAuthor> {
  if (actor.type !== 'user') return { authorId: null, authorName: authorNameOf(actor, null) };
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { name: true } });
  return { authorId: actor.id, authorName: authorNameOf(actor, user?.name ?? null) };
}

/** The name kept with a comment, given a signed-in user's current name (read by the caller). */
export function authorNameOf(actor: Actor, userName: string | null): string {
  switch (actor.type) {
    case 'user':
      return userName ?? '';
    case 'anonymous':
      return actor.displayName;
    case 'staff':
      return actor.email ?? 'Dailies support';
    case 'system':
      return actor.name;
  }
}
