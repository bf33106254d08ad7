import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { actorUserId } from '@dailies/events';
import { Page } from '../../../../shared/pagination';
import { ProjectPolicy } from '../../../project';
import { CommentReader } from '../../rules/comment-reader';
import { commentTargetOf } from '../../rules/comment-target';
import { CommentThreadView } from '../../views/comment.view';
import { ListCommentsQuery } from './list-comments.query';

/**
 * The threads of a file (or of a version stack's head version), paginated over top-level
 * comments; private ones only for insiders.
 */
@QueryHandler(ListCommentsQuery)
export class ListCommentsHandler implements IQueryHandler<
  ListCommentsQuery,
  Page<CommentThreadView>
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    private readonly reader: CommentReader,
  ) {}

  async execute({ actor, assetId, params }: ListCommentsQuery): Promise<Page<CommentThreadView>> {
    const grant = await this.policy.requireAsset(this.prisma, actor, assetId, 'viewer');
    const target = await commentTargetOf(this.prisma, grant.asset);
    const viewer = { userId: actorUserId(actor) ?? null, insider: grant.insider };
    return this.reader.threads(this.prisma, target.id, viewer, params.sort, params);
  }
}
