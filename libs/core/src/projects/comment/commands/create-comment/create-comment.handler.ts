import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId, PrismaService } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../../shared/errors';
import { CommentCreated } from '../../../events';
import { ProjectPolicy } from '../../../project';
import { commentAuthorOf } from '../../rules/comment-author';
import { insertComment } from '../../rules/comment-insert';
import { commentEventScope } from '../../rules/comment-event-scope';
import { textExcerpt } from '../../rules/comment-input';
import { CommentMentions } from '../../rules/comment-mentions';
import { commentTargetOf } from '../../rules/comment-target';
import { CommentThreadView, toCommentRow, toCommentThreadView } from '../../views/comment.view';
import { CreateCommentCommand } from './create-comment.command';

/**
 * Reviewers and up comment on a file, or on a version stack (the comment goes to its head
 * version); only insiders may make a comment private.
 */
@CommandHandler(CreateCommentCommand)
export class CreateCommentHandler implements ICommandHandler<
  CreateCommentCommand,
  CommentThreadView
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly mentions: CommentMentions,
  ) {}

  async execute({ actor, input }: CreateCommentCommand): Promise<CommentThreadView> {
    // The access check is a plain read: outside the transaction it holds no connection while
    // the transaction waits (READ COMMITTED would not have locked the rows inside it either).
    const grant = await this.policy.requireAsset(this.prisma, actor, input.assetId, 'reviewer');
    if (input.private && !grant.insider) {
      throw forbidden('Only members of the account can post private comments');
    }
    // A user's name is read by the INSERT itself; other authors' names need no read.
    const author =
      actor.type === 'user'
        ? { authorId: actor.id }
        : { authorId: null, authorName: (await commentAuthorOf(this.prisma, actor)).authorName };
    return this.uow.run(async (tx, events) => {
      const target = await commentTargetOf(tx, grant.asset);
      const mentions = await this.mentions.resolve(
        tx,
        grant.project,
        input.mentions,
        input.private,
      );
      const comment = await insertComment(
        tx,
        {
          id: newId(),
          assetId: target.id,
          projectId: grant.project.id,
          accountId: grant.project.accountId,
          text: input.text,
          frame: input.timestamp ?? null,
          durationFrames: input.duration ?? null,
          annotation: input.annotation ?? null,
          private: input.private,
        },
        author,
      );
      const authorName = comment.authorName ?? '';
      if (mentions.length) {
        await tx.commentMention.createMany({
          data: mentions.map((m) => ({ commentId: comment.id, userId: m.userId })),
        });
      }
      events.record(
        new CommentCreated({
          ...commentEventScope(actor, grant.project, comment.id),
          payload: {
            assetId: target.id,
            parentId: null,
            authorId: comment.authorId,
            authorName,
            reviewLinkId: null,
            private: comment.private,
            mentions: mentions.map((m) => m.userId),
            textExcerpt: textExcerpt(comment.text),
          },
        }),
      );
      const row = toCommentRow(comment, { authorUserName: authorName, mentions });
      return toCommentThreadView(row, []);
    });
  }
}
