import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../../shared/errors';
import { CommentUnliked } from '../../../events';
import { ProjectPolicy } from '../../../project';
import { commentEventScope } from '../../rules/comment-event-scope';
import { CommentReader } from '../../rules/comment-reader';
import { CommentView } from '../../views/comment.view';
import { UnlikeCommentCommand } from './unlike-comment.command';

/** Takes back the caller's like (reviewers and up); idempotent. */
@CommandHandler(UnlikeCommentCommand)
export class UnlikeCommentHandler implements ICommandHandler<UnlikeCommentCommand, CommentView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly reader: CommentReader,
  ) {}

  async execute({ actor, input }: UnlikeCommentCommand): Promise<CommentView> {
    return this.uow.run(async (tx, events) => {
      const grant = await this.policy.requireComment(tx, actor, input.commentId, 'reviewer');
      const { comment } = grant;
      const userId = actorUserId(actor);
      if (!userId) throw forbidden('Only users can like comments');
      const { count } = await tx.commentLike.deleteMany({
        where: { commentId: comment.id, userId },
      });
      if (count > 0) {
        events.record(
          new CommentUnliked({
            ...commentEventScope(actor, grant.project, comment.id),
            payload: { assetId: comment.assetId },
          }),
        );
      }
      return this.reader.existing(tx, comment.id, { userId, insider: grant.insider });
    });
  }
}
