import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import {
  BearerAuthGuard,
  LegacyIdParamsInterceptor,
  ProblemDetailsFilter,
  problemResponder,
  TransportErrorRoutes,
} from '@dailies/http';
import { AccountsController } from './accounts/accounts.controller';
import { AssetsController } from './assets/assets.controller';
import { UploadsController } from './assets/uploads.controller';
import { AuditLogController } from './audit/audit-log.controller';
import { CommentsController } from './comments/comments.controller';
import { AuthController } from './auth/auth.controller';
import { InvitationsController } from './invitations/invitations.controller';
import { MeController } from './me/me.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { ProjectsController } from './projects/projects.controller';
import { ReviewLinksController } from './review-links/review-links.controller';
import { ReviewController } from './review-links/review.controller';
import { TeamsController } from './teams/teams.controller';
import { UsageController } from './usage/usage.controller';

/** Framework errors on /v2 paths (unknown route, 413, 415…) leave as problem+json too. */
@Injectable()
export class V2ErrorRoute implements OnModuleInit {
  constructor(private readonly routes: TransportErrorRoutes) {}

  onModuleInit(): void {
    this.routes.register('/v2', problemResponder);
  }
}

/**
 * REST /v2: thin controllers that turn requests into commands and queries. The transport's rules
 * (Bearer auth, problem+json, legacy ids in parameters) are on its controllers (V2Controller).
 */
@Module({
  providers: [BearerAuthGuard, ProblemDetailsFilter, LegacyIdParamsInterceptor, V2ErrorRoute],
  controllers: [
    AuthController,
    MeController,
    NotificationsController,
    AccountsController,
    TeamsController,
    InvitationsController,
    ProjectsController,
    AssetsController,
    UploadsController,
    CommentsController,
    ReviewLinksController,
    ReviewController,
    AuditLogController,
    UsageController,
  ],
})
export class ApiV2Module {}
