import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { isUuid, PrismaService } from '@dailies/db';
import type { UserActor } from '@dailies/events';
import { ListMyAccountsQuery } from '../../../accounts/account';
import { ListTeamsQuery } from '../../../accounts/team';
import { ListProjectsQuery } from '../../../projects/project';
import { DomainError, notFound } from '../../../shared/errors';
import { requireStaff } from '../../rules/staff-policy';
import { ViewAsCustomerQuery } from './view-as-customer.query';

export interface CustomerView {
  user: { id: string; email: string; name: string };
  expiresAt: Date;
  reason: string;
  accounts: {
    id: string;
    name: string;
    plan: string;
    teams: { id: string; name: string; projects: { id: string; name: string }[] }[];
  }[];
}

/**
 * Runs the customer's own queries with the customer as the actor — so the staff member sees
 * exactly what the customer's policies allow, and nothing can change (queries only).
 */
@QueryHandler(ViewAsCustomerQuery)
export class ViewAsCustomerHandler implements IQueryHandler<ViewAsCustomerQuery, CustomerView> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly queries: QueryBus,
  ) {}

  async execute({ actor, grantId }: ViewAsCustomerQuery): Promise<CustomerView> {
    const staff = requireStaff(actor);
    if (!isUuid(grantId)) throw notFound('View-as session');
    const grant = await this.prisma.staffViewAsGrant.findUnique({
      where: { id: grantId },
      include: { user: true },
    });
    if (!grant || grant.staffUserId !== staff.id) throw notFound('View-as session');
    if (grant.expiresAt <= new Date())
      throw new DomainError('gone', 'This view-as session has expired; start a new one');
    const customer: UserActor = { type: 'user', id: grant.userId };
    const accounts = await this.queries.execute(new ListMyAccountsQuery(customer, { limit: 50 }));
    const result: CustomerView['accounts'] = [];
    for (const account of accounts.data) {
      const teams = await this.queries.execute(
        new ListTeamsQuery(customer, account.id, { limit: 50 }),
      );
      const withProjects = [];
      for (const team of teams.data) {
        const projects = await this.queries.execute(
          new ListProjectsQuery(customer, team.id, { limit: 50 }),
        );
        withProjects.push({
          id: team.id,
          name: team.name,
          projects: projects.data.map((p) => ({ id: p.id, name: p.name })),
        });
      }
      result.push({ id: account.id, name: account.name, plan: account.plan, teams: withProjects });
    }
    return {
      user: { id: grant.user.id, email: grant.user.email, name: grant.user.name },
      expiresAt: grant.expiresAt,
      reason: grant.reason,
      accounts: result,
    };
  }
}
