import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { Page } from '../../../../shared/pagination';
import { CommentReader } from '../../../comment';
import { commentTargetOf } from '../../../comment';
import { ReviewLinkAccess } from '../../rules/review-link-access';
import { CommentThreadView } from '../../../comment';
import { ListReviewCommentsQuery } from './list-review-comments.query';

/**
 * The threads of a shared asset as an outsider sees them: the same shape as for signed-in
 * users, never a private comment.
 */
@QueryHandler(ListReviewCommentsQuery)
export class ListReviewCommentsHandler implements IQueryHandler<
  ListReviewCommentsQuery,
  Page<CommentThreadView>
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: ReviewLinkAccess,
    private readonly reader: CommentReader,
  ) {}

  async execute({
    credentials,
    assetId,
    params,
  }: ListReviewCommentsQuery): Promise<Page<CommentThreadView>> {
    const opened = await this.access.open(credentials);
    const asset = await this.access.requireAsset(this.prisma, opened, assetId);
    const target = await commentTargetOf(this.prisma, asset);
    const anonymous = { userId: null, insider: false };
    return this.reader.threads(this.prisma, target.id, anonymous, params.sort, params);
  }
}
