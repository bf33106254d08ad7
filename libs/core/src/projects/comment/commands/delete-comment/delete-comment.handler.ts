import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../../shared/errors';
import { CommentDeleted } from '../../../events';
import { ProjectPolicy } from '../../../project';
import { commentEventScope } from '../../rules/comment-event-scope';
import { DeleteCommentCommand } from './delete-comment.command';

/**
 * The author (while they may comment) or a project manager deletes a comment; a top-level
 * comment takes its replies with it, counted in the event.
 */
@CommandHandler(DeleteCommentCommand)
export class DeleteCommentHandler implements ICommandHandler<DeleteCommentCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
  ) {}

  async execute({ actor, input }: DeleteCommentCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const grant = await this.policy.requireComment(tx, actor, input.commentId, 'reviewer');
      const { comment } = grant;
      const isAuthor = comment.authorId !== null && comment.authorId === actorUserId(actor);
      if (!isAuthor && grant.access !== 'manager') {
        throw forbidden('Only the author or a project manager can delete a comment');
      }
      // Soft deletion: the legacy /v1 contract still serves deleted comments by id.
      const deletedAt = new Date();
      const { count: replyCount } = await tx.comment.updateMany({
        where: { parentId: comment.id, deletedAt: null },
        data: { deletedAt },
      });
      await tx.comment.update({ where: { id: comment.id }, data: { deletedAt } });
      events.record(
        new CommentDeleted({
          ...commentEventScope(actor, grant.project, comment.id),
          payload: { assetId: comment.assetId, parentId: comment.parentId, replyCount },
        }),
      );
    });
  }
}
