import type { LegacyTableName } from '../definition';
import { accountsTable } from './accounts';
import { assetsTable } from './assets';
import { commentsTable } from './comments';
import { projectsTable } from './projects';
import { reviewLinksTable } from './review-links';
import { teamsTable } from './teams';
import { usersTable } from './users';

export * from './accounts';
export * from './assets';
export * from './comments';
export * from './projects';
export * from './review-links';
export * from './teams';
export * from './users';

/** Every legacy table, in an order that loads each after the tables it depends on. */
export const LEGACY_TABLES = {
  users: usersTable,
  accounts: accountsTable,
  teams: teamsTable,
  projects: projectsTable,
  assets: assetsTable,
  comments: commentsTable,
  review_links: reviewLinksTable,
} as const satisfies Record<LegacyTableName, unknown>;
