import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashPassword } from '@dailies/auth';
import { Prisma, ReviewLink } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { ReviewLinkUpdated } from '../../../events';
import {
  checkShareableAssets,
  setSharedAssets,
  sharedAssetIds,
} from '../../rules/review-link-assets';
import { ReviewLinkPolicy } from '../../policy/review-link-policy';
import { ReviewLinkUrls } from '../../rules/review-link-urls';
import { ReviewLinkView, toReviewLinkView } from '../../views/review-link.view';
import { UpdateReviewLinkCommand } from './update-review-link.command';

type Input = UpdateReviewLinkCommand['input'];

/** Editors and up change a link: settings, password, expiry, on/off, the shared assets. */
@CommandHandler(UpdateReviewLinkCommand)
export class UpdateReviewLinkHandler implements ICommandHandler<
  UpdateReviewLinkCommand,
  ReviewLinkView
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly links: ReviewLinkPolicy,
    private readonly urls: ReviewLinkUrls,
  ) {}

  async execute({ actor, input }: UpdateReviewLinkCommand): Promise<ReviewLinkView> {
    return this.uow.run(async (tx, events) => {
      const { link, project } = await this.links.requireLink(
        tx,
        actor,
        input.reviewLinkId,
        'editor',
      );
      const current = (await sharedAssetIds(tx, [link.id])).get(link.id) ?? [];
      const assetIds =
        input.assetIds && input.assetIds.join() !== current.join() ? input.assetIds : undefined;
      if (assetIds) {
        await checkShareableAssets(tx, project.id, assetIds);
        await setSharedAssets(tx, link.id, assetIds);
      }
      const data = await settingChanges(link, input);
      const changes = [...Object.keys(data).map(toApiName), ...(assetIds ? ['assetIds'] : [])];
      if (changes.length === 0)
        return toReviewLinkView(link, current, this.urls.of(link.shortCode));
      // updatedAt moves for item changes too: the link as reviewers see it changed.
      const updated = await tx.reviewLink.update({
        where: { id: link.id },
        data: { ...data, updatedAt: new Date() },
      });
      events.record(
        new ReviewLinkUpdated({
          actor,
          accountId: project.accountId,
          teamId: project.teamId,
          projectId: project.id,
          subject: { type: 'review_link', id: link.id },
          payload: { changes },
        }),
      );
      return toReviewLinkView(updated, assetIds ?? current, this.urls.of(updated.shortCode));
    });
  }
}

/** The columns that really change (a new password always does: its hash is salted). */
async function settingChanges(
  link: ReviewLink,
  input: Input,
): Promise<Prisma.ReviewLinkUpdateInput> {
  const data: Prisma.ReviewLinkUpdateInput = {};
  if (input.name !== undefined && input.name !== link.name) data.name = input.name;
  if (input.password !== undefined && (input.password !== null || link.passwordHash !== null)) {
    data.passwordHash = input.password === null ? null : await hashPassword(input.password);
  }
  if (
    input.expiresAt !== undefined &&
    (input.expiresAt?.getTime() ?? null) !== (link.expiresAt?.getTime() ?? null)
  ) {
    data.expiresAt = input.expiresAt;
    data.expiredAt = null; // a new expiry is marked again by the expiry job when it passes
  }
  if (input.active !== undefined && input.active !== link.active) data.active = input.active;
  if (input.allowDownload !== undefined && input.allowDownload !== link.allowDownload) {
    data.allowDownload = input.allowDownload;
  }
  return data;
}

/** Event and API names of the changed columns; "password", never its value or hash. */
const toApiName = (key: string) => (key === 'passwordHash' ? 'password' : key);
