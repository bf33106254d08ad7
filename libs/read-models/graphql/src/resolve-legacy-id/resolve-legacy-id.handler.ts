import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import { ResolveLegacyIdQuery } from './resolve-legacy-id.query';

/** A UUID is answered as it is; anything else is looked up in the kind's legacy_id column. */
@QueryHandler(ResolveLegacyIdQuery)
export class ResolveLegacyIdHandler implements IQueryHandler<ResolveLegacyIdQuery, string | null> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ input: { kind, id } }: ResolveLegacyIdQuery): Promise<string | null> {
    if (isUuid(id)) return id;
    const where = { legacyId: id };
    const select = { id: true } as const;
    const row = await (() => {
      switch (kind) {
        case 'account':
          return this.prisma.account.findUnique({ where, select });
        case 'team':
          return this.prisma.team.findUnique({ where, select });
        case 'project':
          return this.prisma.project.findUnique({ where, select });
        case 'asset':
          return this.prisma.asset.findUnique({ where, select });
        case 'comment':
          return this.prisma.comment.findUnique({ where, select });
        case 'reviewLink':
          return this.prisma.reviewLink.findUnique({ where, select });
      }
    })();
    return row?.id ?? null;
  }
}
