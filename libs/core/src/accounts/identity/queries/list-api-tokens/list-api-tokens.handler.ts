import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { decodeCursor, Page, toPage } from '../../../../shared/pagination';
import { ApiTokenView, toApiTokenView } from '../../views/api-token.view';
import { ListApiTokensQuery } from './list-api-tokens.query';

@QueryHandler(ListApiTokensQuery)
export class ListApiTokensHandler implements IQueryHandler<ListApiTokensQuery, Page<ApiTokenView>> {
  constructor(private readonly prisma: PrismaService) {}

  async execute({ actor, page }: ListApiTokensQuery): Promise<Page<ApiTokenView>> {
    const after = decodeCursor(page.cursor, 1);
    const rows = await this.prisma.apiToken.findMany({
      where: {
        userId: actor.id,
        revokedAt: null,
        ...(after ? { id: { lt: String(after[0]) } } : {}),
      },
      orderBy: { id: 'desc' },
      take: page.limit + 1,
    });
    return toPage(rows, page.limit, (t) => [t.id], toApiTokenView);
  }
}
