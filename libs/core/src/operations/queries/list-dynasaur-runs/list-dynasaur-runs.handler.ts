import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { requireOperator } from '../../../audit/policies/operator-policy';
import { DynasaurRunView, toDynasaurRunView } from './dynasaur-run.view';
import { ListDynasaurRunsQuery } from './list-dynasaur-runs.query';

@QueryHandler(ListDynasaurRunsQuery)
export class ListDynasaurRunsHandler implements IQueryHandler<
  ListDynasaurRunsQuery,
  DynasaurRunView[]
> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor, limit }: ListDynasaurRunsQuery): Promise<DynasaurRunView[]> {
    requireOperator(actor);
    const runs = await this.prisma.dynasaurRun.findMany({
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      take: Math.min(Math.max(limit, 1), 100),
      include: { tableRuns: { select: { read: true, migrated: true, rejected: true } } },
    });
    return runs.map(toDynasaurRunView);
  }
}
