import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId, Prisma } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { CommentCreated } from '../../../events';
import { ProjectPolicy } from '../../../project';
import { commentAuthorOf } from '../../rules/comment-author';
import { commentEventScope } from '../../rules/comment-event-scope';
import { textExcerpt } from '../../rules/comment-input';
import { assertWithinMedia, mediaTimingOf } from '../../rules/comment-timing';
import { CommentMentions } from '../../rules/comment-mentions';
import { CommentView, toCommentRow, toCommentView } from '../../views/comment.view';
import { ReplyToCommentCommand } from './reply-to-comment.command';

/**
 * Reviewers and up reply to a comment. Threads are one level deep: a reply to a reply joins the
 * thread of its top-level comment (clients can reply from anywhere in a thread). A reply takes
 * its thread's privacy, so a thread is visible or hidden as a whole.
 */
@CommandHandler(ReplyToCommentCommand)
export class ReplyToCommentHandler implements ICommandHandler<ReplyToCommentCommand, CommentView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly mentions: CommentMentions,
  ) {}

  async execute({ actor, input }: ReplyToCommentCommand): Promise<CommentView> {
    return this.uow.run(async (tx, events) => {
      const grant = await this.policy.requireComment(tx, actor, input.commentId, 'reviewer');
      const thread = grant.comment.parentId
        ? await tx.comment.findUniqueOrThrow({ where: { id: grant.comment.parentId } })
        : grant.comment;
      const mentions = await this.mentions.resolve(
        tx,
        grant.project,
        input.mentions,
        thread.private,
      );
      const timing = await mediaTimingOf(tx, thread.assetId);
      assertWithinMedia(timing, input.timestamp, input.duration);
      const author = await commentAuthorOf(tx, actor);
      const reply = await tx.comment.create({
        data: {
          id: newId(),
          assetId: thread.assetId,
          projectId: thread.projectId,
          accountId: thread.accountId,
          parentId: thread.id,
          ...author,
          text: input.text,
          frame: input.timestamp ?? null,
          durationFrames: input.duration ?? null,
          annotation: (input.annotation as Prisma.InputJsonValue | undefined) ?? Prisma.DbNull,
          private: thread.private,
        },
      });
      if (mentions.length) {
        await tx.commentMention.createMany({
          data: mentions.map((m) => ({ commentId: reply.id, userId: m.userId })),
        });
      }
      events.record(
        new CommentCreated({
          ...commentEventScope(actor, grant.project, reply.id),
          payload: {
            assetId: reply.assetId,
            parentId: thread.id,
            authorId: author.authorId,
            authorName: author.authorName,
            reviewLinkId: null,
            private: reply.private,
            mentions: mentions.map((m) => m.userId),
            textExcerpt: textExcerpt(reply.text),
          },
        }),
      );
      return toCommentView(
        toCommentRow(reply, {
          authorUserName: author.authorName,
          mentions,
          frameRate: timing?.rate ?? null,
        }),
      );
    });
  }
}
