import { Type } from '@nestjs/common';
import { LoadAssetsHandler } from './load-assets/load-assets.handler';
import { LoadChildrenHandler } from './load-children/load-children.handler';
import { LoadCommentThreadsHandler } from './load-comment-threads/load-comment-threads.handler';
import { LoadProjectsHandler } from './load-projects/load-projects.handler';
import { LoadVersionsHandler } from './load-versions/load-versions.handler';
import { LiveAccessHandler } from './live-access/live-access.handler';
import { LoaderGrants } from './loader-grants';
import { ResolveLegacyIdHandler } from './resolve-legacy-id/resolve-legacy-id.handler';

/**
 * Batched reads for transports that resolve nested relations (GraphQL DataLoaders): many
 * parents per query, the same ProjectPolicy as the one-at-a-time /v2 reads. Registered by the
 * GraphQL transport's module; the policy comes from the global CoreModule.
 */
export const GraphqlReadHandlers: Type[] = [
  LoaderGrants,
  LoadAssetsHandler,
  LoadProjectsHandler,
  LoadChildrenHandler,
  LoadVersionsHandler,
  LoadCommentThreadsHandler,
  ResolveLegacyIdHandler,
  LiveAccessHandler,
];
