import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashPassword } from '@dailies/auth';
import { newId } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { ReviewLinkCreated } from '../../../events';
import { ProjectPolicy } from '../../../project';
import { checkShareableAssets, setSharedAssets } from '../../rules/review-link-assets';
import { unusedShortCode } from '../../rules/review-link-code';
import { ReviewLinkUrls } from '../../rules/review-link-urls';
import { ReviewLinkView, toReviewLinkView } from '../../views/review-link.view';
import { CreateReviewLinkCommand } from './create-review-link.command';

/** Editors and up share assets of their project through a link with a random short code. */
@CommandHandler(CreateReviewLinkCommand)
export class CreateReviewLinkHandler implements ICommandHandler<
  CreateReviewLinkCommand,
  ReviewLinkView
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly urls: ReviewLinkUrls,
  ) {}

  async execute({ actor, input }: CreateReviewLinkCommand): Promise<ReviewLinkView> {
    return this.uow.run(async (tx, events) => {
      const { project } = await this.policy.requireProject(tx, actor, input.projectId, 'editor');
      await checkShareableAssets(tx, project.id, input.assetIds);
      const link = await tx.reviewLink.create({
        data: {
          id: newId(),
          projectId: project.id,
          accountId: project.accountId,
          name: input.name,
          shortCode: await unusedShortCode(tx),
          passwordHash: input.password ? await hashPassword(input.password) : null,
          expiresAt: input.expiresAt ?? null,
          allowDownload: input.allowDownload,
          allowComments: input.allowComments,
          createdById: actorUserId(actor) ?? null,
        },
      });
      await setSharedAssets(tx, link.id, input.assetIds);
      events.record(
        new ReviewLinkCreated({
          actor,
          accountId: project.accountId,
          teamId: project.teamId,
          projectId: project.id,
          subject: { type: 'review_link', id: link.id },
          payload: {
            name: link.name,
            assetIds: input.assetIds,
            hasPassword: link.passwordHash !== null,
            expiresAt: link.expiresAt?.toISOString() ?? null,
          },
        }),
      );
      return toReviewLinkView(link, input.assetIds, this.urls.of(link.shortCode));
    });
  }
}
