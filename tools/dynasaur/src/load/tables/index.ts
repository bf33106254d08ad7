import type { LegacyTableName } from '@dailies/legacy';
import type { TableLoader } from '../table-loader';
import { accountsLoader } from './accounts.load';
import { assetsLoader } from './assets.load';
import { commentsLoader } from './comments.load';
import { projectsLoader } from './projects.load';
import { reviewLinksLoader } from './review-links.load';
import { teamsLoader } from './teams.load';
import { usersLoader } from './users.load';

export const LOADERS: Record<LegacyTableName, TableLoader<unknown>> = {
  users: usersLoader,
  accounts: accountsLoader,
  teams: teamsLoader,
  projects: projectsLoader,
  assets: assetsLoader,
  comments: commentsLoader,
  review_links: reviewLinksLoader,
};
