import { Injectable } from '@nestjs/common';
import { isUuid, MembershipRole } from '@dailies/db';
import { Actor } from '@dailies/events';
import { Db } from '../../../shared/db';
import { forbidden, notFound } from '../../../shared/errors';
import { canManageAccount } from './account-rules';

/**
 * Who may see and do what in an account. What a caller may not see is "not found" (never
 * revealing that it exists); what they may see but not do is "forbidden".
 */
@Injectable()
export class AccountPolicy {
  async roleIn(db: Db, actor: Actor, accountId: string): Promise<MembershipRole | null> {
    if (!isUuid(accountId)) return null;
    if (actor.type === 'staff') {
      const exists = await db.account.findUnique({
        where: { id: accountId },
        select: { id: true },
      });
      return exists ? 'owner' : null;
    }
    if (actor.type !== 'user') return null;
    const membership = await db.membership.findUnique({
      where: { accountId_userId: { accountId, userId: actor.id } },
      select: { role: true },
    });
    return membership?.role ?? null;
  }

  async requireMember(
    db: Db,
    actor: Actor,
    accountId: string,
    what = 'Account',
  ): Promise<MembershipRole> {
    const role = await this.roleIn(db, actor, accountId);
    if (!role) throw notFound(what);
    return role;
  }

  async requireManager(
    db: Db,
    actor: Actor,
    accountId: string,
    what = 'Account',
  ): Promise<MembershipRole> {
    const role = await this.requireMember(db, actor, accountId, what);
    if (!canManageAccount(role)) throw forbidden('Only account owners and admins can do this');
    return role;
  }

  /** The team and the caller's role in its account; not found unless the caller is a member. */
  async requireTeamAccess(db: Db, actor: Actor, teamId: string) {
    const team = isUuid(teamId) ? await db.team.findUnique({ where: { id: teamId } }) : null;
    if (!team) throw notFound('Team');
    const role = await this.requireMember(db, actor, team.accountId, 'Team');
    return { team, role };
  }
}
