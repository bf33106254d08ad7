import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import { requireOperator } from '../../../audit/policies/operator-policy';
import { notFound } from '../../../shared/errors';
import {
  DynasaurRunView,
  DynasaurTableView,
  toDynasaurRunView,
  toDynasaurTableView,
} from '../list-dynasaur-runs/dynasaur-run.view';
import { GetDynasaurRunQuery } from './get-dynasaur-run.query';

export interface DynasaurRunDetails {
  run: DynasaurRunView;
  /** In the order the run migrated them. */
  tables: DynasaurTableView[];
}

@QueryHandler(GetDynasaurRunQuery)
export class GetDynasaurRunHandler implements IQueryHandler<
  GetDynasaurRunQuery,
  DynasaurRunDetails
> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor, runId }: GetDynasaurRunQuery): Promise<DynasaurRunDetails> {
    requireOperator(actor);
    const run = isUuid(runId)
      ? await this.prisma.dynasaurRun.findUnique({
          where: { id: runId },
          include: {
            tableRuns: { orderBy: { finishedAt: 'asc' } },
            samples: { orderBy: [{ tableName: 'asc' }, { reason: 'asc' }, { ordinal: 'asc' }] },
          },
        })
      : null;
    if (!run) throw notFound('Dynasaur run');
    return {
      run: toDynasaurRunView(run),
      tables: run.tableRuns.map((t) => toDynasaurTableView(t, run.samples)),
    };
  }
}
