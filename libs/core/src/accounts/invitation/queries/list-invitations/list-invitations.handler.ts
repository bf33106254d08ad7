import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { decodeCursor, Page, toPage } from '../../../../shared/pagination';
import { AccountPolicy } from '../../../account';
import { InvitationView, toInvitationView } from '../../views/invitation.view';
import { ListInvitationsQuery } from './list-invitations.query';

/** Owners and admins see the account's invitations, newest first (tokens are never shown again). */
@QueryHandler(ListInvitationsQuery)
export class ListInvitationsHandler implements IQueryHandler<
  ListInvitationsQuery,
  Page<InvitationView>
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: AccountPolicy,
  ) {}

  async execute({ actor, accountId, page }: ListInvitationsQuery): Promise<Page<InvitationView>> {
    await this.policy.requireManager(this.prisma, actor, accountId);
    const after = decodeCursor(page.cursor, 1);
    const rows = await this.prisma.invitation.findMany({
      where: { accountId, ...(after ? { id: { lt: String(after[0]) } } : {}) },
      orderBy: { id: 'desc' },
      take: page.limit + 1,
    });
    return toPage(rows, page.limit, (i) => [i.id], toInvitationView);
  }
}
