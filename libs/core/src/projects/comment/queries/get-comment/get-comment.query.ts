import { Query } from '@nestjs/cqrs';
import type { CommentView } from '../../views/comment.view';
import { Actor } from '@dailies/events';

export class GetCommentQuery extends Query<CommentView> {
  constructor(
    readonly actor: Actor,
    readonly commentId: string,
  ) {
    super();
  }
}
