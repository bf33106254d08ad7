import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId, Prisma } from '@dailies/db';
import { Actor, UnitOfWork } from '@dailies/events';
import { conflict, DomainError } from '../../../../shared/errors';
import { CommentCreated } from '../../../events';
import { commentEventScope } from '../../../comment';
import { textExcerpt } from '../../../comment';
import { assertWithinMedia, commentTargetOf, mediaTimingOf } from '../../../comment';
import { ReviewLinkAccess } from '../../rules/review-link-access';
import { ReviewLinkThrottle } from '../../rules/review-link-throttle';
import { CommentThreadView, toCommentRow, toCommentThreadView } from '../../../comment';
import { CreateReviewCommentCommand } from './create-review-comment.command';

/**
 * Anonymous reviewers comment on what a link shares (a version stack's comment goes to its
 * head version). Their comments are never private and carry the link they came through; each
 * IP may post REVIEW_COMMENTS_PER_WINDOW of them per link and throttle window (against spam).
 */
@CommandHandler(CreateReviewCommentCommand)
export class CreateReviewCommentHandler implements ICommandHandler<
  CreateReviewCommentCommand,
  CommentThreadView
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: ReviewLinkAccess,
    private readonly throttle: ReviewLinkThrottle,
  ) {}

  async execute({ credentials, input }: CreateReviewCommentCommand): Promise<CommentThreadView> {
    // Outside the transaction: checking a password is slow and needs no lock.
    const opened = await this.access.open(credentials);
    const { link, project } = opened;
    if (project.archived) {
      throw conflict('The project is archived; it takes no new comments', 'project_archived');
    }
    // A setting of the link, checked here: the page hiding its comment box is not a defence.
    if (!link.allowComments) {
      throw new DomainError('forbidden', 'This review link does not take comments', {
        featureCode: 'review_comments_disabled',
      });
    }
    await this.throttle.takeComment(link.id, credentials.ip);
    try {
      return await this.storeComment(opened, input);
    } catch (error) {
      await this.throttle.commentNotStored(link.id, credentials.ip);
      throw error;
    }
  }

  private async storeComment(
    opened: Awaited<ReturnType<ReviewLinkAccess['open']>>,
    input: CreateReviewCommentCommand['input'],
  ): Promise<CommentThreadView> {
    const { link, project } = opened;
    const actor: Actor = { type: 'anonymous', displayName: input.name, reviewLinkId: link.id };
    return this.uow.run(async (tx, events) => {
      const asset = await this.access.requireAsset(tx, opened, input.assetId);
      const target = await commentTargetOf(tx, asset);
      const timing = await mediaTimingOf(tx, target.id);
      assertWithinMedia(timing, input.timestamp, input.duration);
      const comment = await tx.comment.create({
        data: {
          id: newId(),
          assetId: target.id,
          projectId: project.id,
          accountId: project.accountId,
          authorId: null,
          authorName: input.name,
          reviewLinkId: link.id,
          text: input.text,
          frame: input.timestamp ?? null,
          durationFrames: input.duration ?? null,
          annotation: (input.annotation as Prisma.InputJsonValue | undefined) ?? Prisma.DbNull,
          private: false,
        },
      });
      events.record(
        new CommentCreated({
          ...commentEventScope(actor, project, comment.id),
          payload: {
            assetId: target.id,
            parentId: null,
            authorId: null,
            authorName: input.name,
            reviewLinkId: link.id,
            private: false,
            mentions: [],
            textExcerpt: textExcerpt(comment.text),
          },
        }),
      );
      return toCommentThreadView(toCommentRow(comment, { frameRate: timing?.rate ?? null }), []);
    });
  }
}
