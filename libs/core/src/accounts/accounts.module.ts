import { Module } from '@nestjs/common';
import { AcceptInvitationHandler } from './commands/accept-invitation/accept-invitation.handler';
import { AddTeamMemberHandler } from './commands/add-team-member/add-team-member.handler';
import { ChangeMemberRoleHandler } from './commands/change-member-role/change-member-role.handler';
import { CreateApiTokenHandler } from './commands/create-api-token/create-api-token.handler';
import { CreateInvitationHandler } from './commands/create-invitation/create-invitation.handler';
import { CreateTeamHandler } from './commands/create-team/create-team.handler';
import { DeleteTeamHandler } from './commands/delete-team/delete-team.handler';
import { LogInHandler } from './commands/log-in/log-in.handler';
import { LogOutHandler } from './commands/log-out/log-out.handler';
import { RefreshSessionHandler } from './commands/refresh-session/refresh-session.handler';
import { RemoveMemberHandler } from './commands/remove-member/remove-member.handler';
import { RemoveTeamMemberHandler } from './commands/remove-team-member/remove-team-member.handler';
import { RevokeApiTokenHandler } from './commands/revoke-api-token/revoke-api-token.handler';
import { RevokeInvitationHandler } from './commands/revoke-invitation/revoke-invitation.handler';
import { SignUpHandler } from './commands/sign-up/sign-up.handler';
import { UpdateAccountHandler } from './commands/update-account/update-account.handler';
import { UpdateTeamHandler } from './commands/update-team/update-team.handler';
import { AccountPolicy } from './policies/account-policy';
import { AuthenticateTokenHandler } from './queries/authenticate-token/authenticate-token.handler';
import { GetAccountHandler } from './queries/get-account/get-account.handler';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { GetTeamHandler } from './queries/get-team/get-team.handler';
import { ListApiTokensHandler } from './queries/list-api-tokens/list-api-tokens.handler';
import { ListInvitationsHandler } from './queries/list-invitations/list-invitations.handler';
import { ListMembersHandler } from './queries/list-members/list-members.handler';
import { ListMyAccountsHandler } from './queries/list-my-accounts/list-my-accounts.handler';
import { ListTeamMembersHandler } from './queries/list-team-members/list-team-members.handler';
import { ListTeamsHandler } from './queries/list-teams/list-teams.handler';
import { LoginThrottle } from './services/login-throttle';
import { SessionIssuer } from './services/session-issuer';

const commandHandlers = [
  SignUpHandler,
  LogInHandler,
  RefreshSessionHandler,
  LogOutHandler,
  CreateApiTokenHandler,
  RevokeApiTokenHandler,
  UpdateAccountHandler,
  ChangeMemberRoleHandler,
  RemoveMemberHandler,
  CreateTeamHandler,
  UpdateTeamHandler,
  DeleteTeamHandler,
  AddTeamMemberHandler,
  RemoveTeamMemberHandler,
  CreateInvitationHandler,
  RevokeInvitationHandler,
  AcceptInvitationHandler,
];

const queryHandlers = [
  AuthenticateTokenHandler,
  GetMeHandler,
  ListMyAccountsHandler,
  GetAccountHandler,
  ListMembersHandler,
  ListTeamsHandler,
  GetTeamHandler,
  ListTeamMembersHandler,
  ListInvitationsHandler,
  ListApiTokensHandler,
];

/** The accounts context: users, accounts, memberships, teams, invitations, sessions, API tokens. */
@Module({
  providers: [AccountPolicy, SessionIssuer, LoginThrottle, ...commandHandlers, ...queryHandlers],
  exports: [AccountPolicy],
})
export class AccountsModule {}
