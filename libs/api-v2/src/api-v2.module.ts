import { Module } from '@nestjs/common';
import { AccountsController } from './accounts/accounts.controller';
import { AuthController } from './auth/auth.controller';
import { InvitationsController } from './invitations/invitations.controller';
import { MeController } from './me/me.controller';
import { TeamsController } from './teams/teams.controller';

/** REST /v2: thin controllers that turn requests into commands and queries. */
@Module({
  controllers: [
    AuthController,
    MeController,
    AccountsController,
    TeamsController,
    InvitationsController,
  ],
})
export class ApiV2Module {}
