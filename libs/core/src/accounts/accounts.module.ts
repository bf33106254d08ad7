import { Module } from '@nestjs/common';
import { AccountPolicy } from './account/policy/account-policy';
import { AccountHandlers } from './account/account.handlers';
import { IdentityHandlers } from './identity/identity.handlers';
import { InvitationHandlers } from './invitation/invitation.handlers';
import { TeamHandlers } from './team/team.handlers';

/** The accounts context: users, accounts, memberships, teams, invitations, sessions, API tokens. */
@Module({
  providers: [...AccountHandlers, ...IdentityHandlers, ...TeamHandlers, ...InvitationHandlers],
  exports: [AccountPolicy],
})
export class AccountsModule {}
