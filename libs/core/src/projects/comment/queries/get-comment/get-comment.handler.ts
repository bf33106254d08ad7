import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { actorUserId } from '@dailies/events';
import { ProjectPolicy } from '../../../project';
import { CommentReader } from '../../rules/comment-reader';
import { CommentView } from '../../views/comment.view';
import { GetCommentQuery } from './get-comment.query';

/** One comment: a top-level one with its replies, a reply alone. */
@QueryHandler(GetCommentQuery)
export class GetCommentHandler implements IQueryHandler<GetCommentQuery, CommentView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    private readonly reader: CommentReader,
  ) {}

  async execute({ actor, commentId }: GetCommentQuery): Promise<CommentView> {
    const grant = await this.policy.requireComment(this.prisma, actor, commentId, 'viewer');
    const viewer = { userId: actorUserId(actor) ?? null, insider: grant.insider };
    return this.reader.existing(this.prisma, grant.comment.id, viewer);
  }
}
