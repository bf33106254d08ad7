import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { conflict } from '../../../../shared/errors';
import { CommentUncompleted } from '../../../events';
import { ProjectPolicy } from '../../../project';
import { commentEventScope } from '../../rules/comment-event-scope';
import { CommentReader } from '../../rules/comment-reader';
import { CommentView } from '../../views/comment.view';
import { UncompleteCommentCommand } from './uncomplete-comment.command';

/** Reopens a completed top-level comment (reviewers and up); idempotent like completing. */
@CommandHandler(UncompleteCommentCommand)
export class UncompleteCommentHandler implements ICommandHandler<
  UncompleteCommentCommand,
  CommentView
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly reader: CommentReader,
  ) {}

  async execute({ actor, input }: UncompleteCommentCommand): Promise<CommentView> {
    return this.uow.run(async (tx, events) => {
      const grant = await this.policy.requireComment(tx, actor, input.commentId, 'reviewer');
      const { comment } = grant;
      if (comment.parentId) {
        throw conflict('Only top-level comments can be completed', 'reply_not_completable');
      }
      const { count } = await tx.comment.updateMany({
        where: { id: comment.id, completedAt: { not: null } },
        data: { completedAt: null, completedById: null },
      });
      if (count > 0) {
        events.record(
          new CommentUncompleted({
            ...commentEventScope(actor, grant.project, comment.id),
            payload: { assetId: comment.assetId },
          }),
        );
      }
      const userId = actorUserId(actor) ?? null;
      return this.reader.existing(tx, comment.id, { userId, insider: grant.insider });
    });
  }
}
