import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, Prisma, PrismaService } from '@dailies/db';
import { actorUserId } from '@dailies/events';
import type { NewUser } from '@dailies/legacy';
import { notFound } from '@dailies/core';
import { LegacyFacts } from '../../services/legacy-facts';
import { GetLegacyUserQuery } from './get-legacy-user.query';

@QueryHandler(GetLegacyUserQuery)
export class GetLegacyUserHandler implements IQueryHandler<GetLegacyUserQuery, NewUser> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly facts: LegacyFacts,
  ) {}

  async execute({ actor, userId }: GetLegacyUserQuery): Promise<NewUser> {
    const me = actorUserId(actor);
    if (!me || !isUuid(userId)) throw notFound('User');
    if (userId !== me && !(await this.sharesSomething(me, userId))) throw notFound('User');
    const [user] = await this.facts.users([userId]);
    if (!user) throw notFound('User');
    return user;
  }

  /** Members of one account, collaborators on one project, or a member and a collaborator. */
  private async sharesSomething(me: string, them: string): Promise<boolean> {
    const [row] = await this.prisma.$queryRaw<{ shares: boolean }[]>(Prisma.sql`
      SELECT EXISTS (
        SELECT 1 FROM memberships a JOIN memberships b ON b.account_id = a.account_id
        WHERE a.user_id = ${me}::uuid AND b.user_id = ${them}::uuid
        UNION ALL
        SELECT 1 FROM project_collaborators a
        JOIN project_collaborators b ON b.project_id = a.project_id
        WHERE a.user_id = ${me}::uuid AND b.user_id = ${them}::uuid
        UNION ALL
        SELECT 1 FROM project_collaborators pc
        JOIN projects p ON p.id = pc.project_id
        JOIN memberships m ON m.account_id = p.account_id
        WHERE (pc.user_id = ${me}::uuid AND m.user_id = ${them}::uuid)
           OR (pc.user_id = ${them}::uuid AND m.user_id = ${me}::uuid)
      ) AS shares`);
    return row?.shares === true;
  }
}
