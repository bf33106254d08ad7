import { Module } from '@nestjs/common';
import { UsageModule } from '../usage/usage.module';
import { AssetHandlers } from './asset/asset.handlers';
import { CommentHandlers } from './comment/comment.handlers';
import { ProjectHandlers } from './project/project.handlers';
import { ReviewLinkHandlers } from './review-link/review-link.handlers';
import { ProjectPolicy } from './project/policy/project-policy';
import { AssetReadCache } from './asset/rules/asset-read-cache';
import { ProjectReadCache } from './project/rules/project-read-cache';

/** The projects context: projects, collaborators, the asset tree, comments and review links. */
@Module({
  // Upload-complete and copy check the account's storage limit.
  imports: [UsageModule],
  providers: [
    ProjectPolicy,
    ProjectReadCache,
    AssetReadCache,
    ...ProjectHandlers,
    ...AssetHandlers,
    ...CommentHandlers,
    ...ReviewLinkHandlers,
  ],
  exports: [ProjectPolicy],
})
export class ProjectsModule {}
