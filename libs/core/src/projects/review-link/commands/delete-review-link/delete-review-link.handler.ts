import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { ReviewLinkDeleted } from '../../../events';
import { ReviewLinkPolicy } from '../../policy/review-link-policy';
import { DeleteReviewLinkCommand } from './delete-review-link.command';

/**
 * Editors and up delete a link: its code stops working at once. Comments reviewers left
 * through it stay (their review_link_id is cleared by the foreign key).
 */
@CommandHandler(DeleteReviewLinkCommand)
export class DeleteReviewLinkHandler implements ICommandHandler<DeleteReviewLinkCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly links: ReviewLinkPolicy,
  ) {}

  async execute({ actor, input }: DeleteReviewLinkCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const { link, project } = await this.links.requireLink(
        tx,
        actor,
        input.reviewLinkId,
        'editor',
      );
      await tx.reviewLink.delete({ where: { id: link.id } });
      events.record(
        new ReviewLinkDeleted({
          actor,
          accountId: project.accountId,
          teamId: project.teamId,
          projectId: project.id,
          subject: { type: 'review_link', id: link.id },
          payload: { name: link.name },
        }),
      );
    });
  }
}
