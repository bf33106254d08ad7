import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { conflict } from '../../../../shared/errors';
import { CommentCompleted } from '../../../events';
import { ProjectPolicy } from '../../../project';
import { commentEventScope } from '../../rules/comment-event-scope';
import { CommentReader } from '../../rules/comment-reader';
import { CommentView } from '../../views/comment.view';
import { CompleteCommentCommand } from './complete-comment.command';

/**
 * Reviewers and up mark a top-level comment as done (who and when are kept). Idempotent:
 * completing a completed comment changes nothing and records no event.
 */
@CommandHandler(CompleteCommentCommand)
export class CompleteCommentHandler implements ICommandHandler<
  CompleteCommentCommand,
  CommentView
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly reader: CommentReader,
  ) {}

  async execute({ actor, input }: CompleteCommentCommand): Promise<CommentView> {
    return this.uow.run(async (tx, events) => {
      const grant = await this.policy.requireComment(tx, actor, input.commentId, 'reviewer');
      const { comment } = grant;
      if (comment.parentId) {
        throw conflict('Only top-level comments can be completed', 'reply_not_completable');
      }
      const userId = actorUserId(actor) ?? null;
      // The condition makes concurrent completions record one event between them.
      const { count } = await tx.comment.updateMany({
        where: { id: comment.id, completedAt: null },
        data: { completedAt: new Date(), completedById: userId },
      });
      if (count > 0) {
        events.record(
          new CommentCompleted({
            ...commentEventScope(actor, grant.project, comment.id),
            payload: { assetId: comment.assetId },
          }),
        );
      }
      return this.reader.existing(tx, comment.id, { userId, insider: grant.insider });
    });
  }
}
