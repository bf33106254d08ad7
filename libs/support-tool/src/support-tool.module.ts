import { Inject, Injectable, Module, OnModuleInit, Optional } from '@nestjs/common';
import { ErrorAlerts } from '@dailies/alerting';
import { HttpAdapterHost } from '@nestjs/core';
import { ReadsConfig } from '@dailies/config';
import { acceptFormBodies } from '@dailies/form-bodies';
import { pathHasPrefix, TransportErrorRoutes } from '@dailies/http';
import type { FastifyInstance } from 'fastify';
import { HtmlErrorFilter, respondWithHtml } from './html-error.filter';
import { Pages } from './pages';
import { SupportAccountsController } from './pages/accounts.controller';
import { SupportAuthController } from './pages/auth.controller';
import { SupportDynasaurController } from './pages/dynasaur.controller';
import { SupportJobsController } from './pages/jobs.controller';
import { SupportMailboxController } from './pages/mailbox.controller';
import { SupportOperationsController } from './pages/operations.controller';
import { SupportProjectsController } from './pages/projects.controller';
import { SupportSearchController } from './pages/search.controller';
import { SupportUsersController } from './pages/users.controller';
import { SupportViewAsController } from './pages/view-as.controller';
import { StaffSessionGuard } from './staff-session.guard';
import { supportConfigSchema } from './support.config';

const FORM_LIMIT_BYTES = 64 * 1024;

/**
 * Claims /support for framework errors (HTML pages) and accepts HTML forms there — only there:
 * every other prefix keeps refusing application/x-www-form-urlencoded with 415.
 */
@Injectable()
export class SupportHttpSetup implements OnModuleInit {
  constructor(
    private readonly routes: TransportErrorRoutes,
    private readonly adapter: HttpAdapterHost,
    private readonly pages: Pages,
    @Optional() @Inject(ErrorAlerts) private readonly alerts?: ErrorAlerts,
  ) {}

  onModuleInit(): void {
    this.routes.register('/support', (error, request, reply) =>
      respondWithHtml(this.pages, error, request, reply, this.alerts),
    );
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    acceptFormBodies(fastify, {
      matches: (path) => pathHasPrefix(path, '/support'),
      limitBytes: FORM_LIMIT_BYTES,
      parse: (body) => Object.fromEntries(new URLSearchParams(body)),
    });
  }
}

/**
 * The Support Tool: server-rendered staff pages under /support (Eta templates, htmx served
 * locally), staff sessions in cookies, CSRF tokens, every action a domain command with a reason.
 */
@Module({
  // Jobs (history, dead letters, retry) come from the platform's one JobsModule (JOBS_ENABLED);
  // a second, global one here would take over `Jobs` and lose the domain's job registry.
  providers: [Pages, StaffSessionGuard, HtmlErrorFilter, SupportHttpSetup],
  controllers: [
    SupportAuthController,
    SupportSearchController,
    SupportUsersController,
    SupportAccountsController,
    SupportProjectsController,
    SupportOperationsController,
    SupportJobsController,
    SupportDynasaurController,
    SupportMailboxController,
    SupportViewAsController,
  ],
})
@ReadsConfig(supportConfigSchema)
export class SupportToolModule {}
