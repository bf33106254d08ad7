import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import type { NewComment } from '@dailies/legacy';
import { ProjectPolicy, notFound } from '@dailies/core';
import { LegacyFacts } from '../../services/legacy-facts';
import { GetLegacyCommentQuery } from './get-legacy-comment.query';

@QueryHandler(GetLegacyCommentQuery)
export class GetLegacyCommentHandler implements IQueryHandler<GetLegacyCommentQuery, NewComment> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: ProjectPolicy,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({ actor, commentId }: GetLegacyCommentQuery): Promise<NewComment> {
    const { comment } = await this.policy.requireComment(this.prisma, actor, commentId, 'viewer', {
      allowArchived: true,
    });
    const [legacy] = await this.facts.comments([comment.id]);
    if (!legacy) throw notFound('Comment');
    return legacy;
  }
}
