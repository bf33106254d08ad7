import { Actor } from '@dailies/events';
import { Db } from '../../../shared/db';

export interface CommentAuthor {
  /** Null unless a signed-in user wrote the comment. */
  authorId: string | null;
  /** Kept with the comment: an anonymous reviewer's display name, else the name at the time. */
  authorName: string;
}

export async function commentAuthorOf(db: Db, actor: Actor): Promise<CommentAuthor> {
  switch (actor.type) {
    case 'user': {
      const user = await db.user.findUnique({ where: { id: actor.id }, select: { name: true } });
      return { authorId: actor.id, authorName: user?.name ?? '' };
    }
    case 'anonymous':
      return { authorId: null, authorName: actor.displayName };
    case 'staff':
      return { authorId: null, authorName: actor.email ?? 'Dailies support' };
    case 'system':
      return { authorId: null, authorName: actor.name };
  }
}
