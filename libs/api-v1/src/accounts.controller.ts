import { Body, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { LogInCommand } from '@dailies/core';
import {
  GetLegacyAccountQuery,
  GetLegacyTeamQuery,
  GetLegacyUserQuery,
  StreamAccountTeamsQuery,
  StreamTeamProjectsQuery,
} from '@dailies/read-models-legacy';
import { UserActor } from '@dailies/events';
import { ClientIp, CurrentUser } from '@dailies/http';
import { servedRecord } from '@dailies/legacy';
import type { FastifyReply } from 'fastify';
import { LegacyAnonymous } from './legacy-auth.guard';
import { LegacyController } from './legacy-controller';
import { legacyBody, readText, requestId } from './legacy-input';
import { sendJsonArray } from './legacy-stream';

/** /v1 sessions, users, accounts and teams. */
@LegacyController()
export class LegacyAccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** LogInCommand (throttling, legacy bcrypt upgrade, locked users) → the new access token. */
  @Post('sessions')
  @HttpCode(200)
  @LegacyAnonymous()
  async signIn(@Body() body: unknown, @ClientIp() ip: string) {
    const input = legacyBody(body);
    const session = await this.commands.execute(
      new LogInCommand(
        { email: readText(input, 'email'), password: readText(input, 'password') },
        ip,
      ),
    );
    const actor: UserActor = { type: 'user', id: session.user.id };
    const user = await this.queries.execute(new GetLegacyUserQuery(actor, actor.id));
    return { token: session.accessToken, user: servedRecord('users', user) };
  }

  @Get('me')
  async me(@CurrentUser() actor: UserActor) {
    const user = await this.queries.execute(new GetLegacyUserQuery(actor, actor.id));
    return servedRecord('users', user);
  }

  @Get('users/:id')
  async user(@CurrentUser() actor: UserActor, @Param('id') id: string) {
    const user = await this.queries.execute(new GetLegacyUserQuery(actor, requestId(id, 'users')));
    return servedRecord('users', user);
  }

  @Get('accounts/:id')
  async account(@CurrentUser() actor: UserActor, @Param('id') id: string) {
    const account = await this.queries.execute(
      new GetLegacyAccountQuery(actor, requestId(id, 'accounts')),
    );
    return servedRecord('accounts', account);
  }

  @Get('accounts/:id/teams')
  async teams(
    @CurrentUser() actor: UserActor,
    @Param('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const teams = await this.queries.execute(
      new StreamAccountTeamsQuery(actor, requestId(id, 'accounts')),
    );
    await sendJsonArray(reply, teams, (t) => servedRecord('teams', t));
  }

  @Get('teams/:id')
  async team(@CurrentUser() actor: UserActor, @Param('id') id: string) {
    const team = await this.queries.execute(new GetLegacyTeamQuery(actor, requestId(id, 'teams')));
    return servedRecord('teams', team);
  }

  @Get('teams/:id/projects')
  async projects(
    @CurrentUser() actor: UserActor,
    @Param('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const projects = await this.queries.execute(
      new StreamTeamProjectsQuery(actor, requestId(id, 'teams')),
    );
    await sendJsonArray(reply, projects, (p) => servedRecord('projects', p));
  }
}
