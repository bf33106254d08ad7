import { Module } from '@nestjs/common';
import { AccountsController } from './accounts/accounts.controller';
import { AssetsController } from './assets/assets.controller';
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

/** REST /v2: thin controllers that turn requests into commands and queries. */
@Module({
  controllers: [
    AuthController,
    MeController,
    NotificationsController,
    AccountsController,
    TeamsController,
    InvitationsController,
    ProjectsController,
    AssetsController,
    CommentsController,
    ReviewLinksController,
    ReviewController,
    AuditLogController,
    UsageController,
  ],
})
export class ApiV2Module {}
