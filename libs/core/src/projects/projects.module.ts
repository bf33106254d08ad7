import { Module } from '@nestjs/common';
import { UsageModule } from '../usage/usage.module';
import { AssetHandlers } from './handlers/asset.handlers';
import { CommentHandlers } from './handlers/comment.handlers';
import { ProjectHandlers } from './handlers/project.handlers';
import { ReviewLinkHandlers } from './handlers/review-link.handlers';
import { ProjectPolicy } from './policies/project-policy';
import { ProjectReadCache } from './services/project-read-cache';

/** The projects context: projects, collaborators, the asset tree, comments and review links. */
@Module({
  // Upload-complete and copy check the account's storage limit.
  imports: [UsageModule],
  providers: [
    ProjectPolicy,
    ProjectReadCache,
    ...ProjectHandlers,
    ...AssetHandlers,
    ...CommentHandlers,
    ...ReviewLinkHandlers,
  ],
  exports: [ProjectPolicy],
})
export class ProjectsModule {}
