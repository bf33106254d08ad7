import { Type } from '@nestjs/common';
import { GetLegacyAccountHandler } from './queries/get-legacy-account/get-legacy-account.handler';
import { GetLegacyAssetHandler } from './queries/get-legacy-asset/get-legacy-asset.handler';
import { GetLegacyCommentHandler } from './queries/get-legacy-comment/get-legacy-comment.handler';
import { GetLegacyProjectHandler } from './queries/get-legacy-project/get-legacy-project.handler';
import { GetLegacyTeamHandler } from './queries/get-legacy-team/get-legacy-team.handler';
import { GetLegacyUserHandler } from './queries/get-legacy-user/get-legacy-user.handler';
import { OpenLegacyReviewLinkHandler } from './queries/open-legacy-review-link/open-legacy-review-link.handler';
import { StreamAccountTeamsHandler } from './queries/stream-account-teams/stream-account-teams.handler';
import { StreamAssetChildrenHandler } from './queries/stream-asset-children/stream-asset-children.handler';
import { StreamAssetCommentsHandler } from './queries/stream-asset-comments/stream-asset-comments.handler';
import { StreamProjectAssetsHandler } from './queries/stream-project-assets/stream-project-assets.handler';
import { StreamTeamProjectsHandler } from './queries/stream-team-projects/stream-team-projects.handler';
import { LegacyFacts } from './services/legacy-facts';

/**
 * Reads for the legacy /v1 adapter (the Munger): records shaped as the legacy table definitions'
 * new side, behind the same policies as /v2 (AccountPolicy, ProjectPolicy, or the /v2 query
 * itself), and the unpaginated lists as AsyncIterables of keyset batches. Registered by the /v1
 * transport's module; the policies come from the global CoreModule.
 */
export const LegacyReadHandlers: Type[] = [
  LegacyFacts,
  GetLegacyUserHandler,
  GetLegacyAccountHandler,
  GetLegacyTeamHandler,
  GetLegacyProjectHandler,
  GetLegacyAssetHandler,
  GetLegacyCommentHandler,
  StreamAccountTeamsHandler,
  StreamTeamProjectsHandler,
  StreamProjectAssetsHandler,
  StreamAssetChildrenHandler,
  StreamAssetCommentsHandler,
  OpenLegacyReviewLinkHandler,
];
