import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../../shared/errors';
import { CommentLiked } from '../../../events';
import { ProjectPolicy } from '../../../project';
import { commentEventScope } from '../../rules/comment-event-scope';
import { CommentReader } from '../../rules/comment-reader';
import { CommentView } from '../../views/comment.view';
import { LikeCommentCommand } from './like-comment.command';

/** Reviewers and up like a comment; liking twice is one like and one event. */
@CommandHandler(LikeCommentCommand)
export class LikeCommentHandler implements ICommandHandler<LikeCommentCommand, CommentView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly reader: CommentReader,
  ) {}

  async execute({ actor, input }: LikeCommentCommand): Promise<CommentView> {
    return this.uow.run(async (tx, events) => {
      const grant = await this.policy.requireComment(tx, actor, input.commentId, 'reviewer');
      const { comment } = grant;
      const userId = actorUserId(actor);
      if (!userId) throw forbidden('Only users can like comments');
      // ON CONFLICT DO NOTHING: a second like (even a concurrent one) inserts nothing.
      const { count } = await tx.commentLike.createMany({
        data: [{ commentId: comment.id, userId }],
        skipDuplicates: true,
      });
      if (count > 0) {
        events.record(
          new CommentLiked({
            ...commentEventScope(actor, grant.project, comment.id),
            payload: { assetId: comment.assetId, authorId: comment.authorId },
          }),
        );
      }
      return this.reader.existing(tx, comment.id, { userId, insider: grant.insider });
    });
  }
}
