/**
 * The tags (what a change invalidates) and keys (what a read caches) in use. The cache consumer
 * maps events to these tags; reads cache under these keys with the tags listed beside them.
 */
export const cacheTags = {
  /** One asset's own fields. */
  asset: (assetId: string) => `asset:${assetId}`,
  /** The pages of a folder's (or stack's) children. */
  children: (parentId: string) => `children:${parentId}`,
  /** One project's own fields. */
  project: (projectId: string) => `project:${projectId}`,
  /**
   * Every cached asset and children page of a project: for changes to whole subtrees (trash,
   * restore, purge, project deletion), whose descendants the events do not list.
   */
  projectAssets: (projectId: string) => `project-assets:${projectId}`,
  /** The comments of an asset. */
  comments: (assetId: string) => `comments:${assetId}`,
  /** Access facts of every user in a project (collaborators, privacy, owner, team). */
  access: (projectId: string) => `access:${projectId}`,
  /** Access facts of one user everywhere (their memberships and teams changed). */
  accessOfUser: (userId: string) => `access:user:${userId}`,
  /** Access facts of everyone in an account (roles, teams). */
  accessOfAccount: (accountId: string) => `access:account:${accountId}`,
  /** Every live-session check of a user (logout, lock, password change, revoked families). */
  sessionsOfUser: (userId: string) => `sessions:user:${userId}`,
  /** A review link (and its public page, looked up by code). */
  reviewLink: (reviewLinkId: string) => `review_link:${reviewLinkId}`,
} as const;

export const cacheKeys = {
  asset: (assetId: string) => `asset:${assetId}`,
  /** GET /v2/assets/:id's answer (a live asset's view, null when missing or trashed). */
  assetView: (assetId: string) => `asset-view:${assetId}`,
  /** The project an asset belongs to: fixed for an asset's life (moves stay in the project). */
  assetProject: (assetId: string) => `asset-project:${assetId}`,
  project: (projectId: string) => `project:${projectId}`,
  /** A live access-token session (user active, refresh family not revoked): only `true` is kept. */
  session: (userId: string, sessionId: string) => `session:${userId}:${sessionId}`,
  /** The facts ProjectPolicy.accessTo reads for (project, user). */
  access: (projectId: string, userId: string) => `access:${projectId}:${userId}`,
  /** The first page of a folder's children with a given limit (later pages are not cached). */
  childrenFirstPage: (parentId: string, limit: number) => `children:${parentId}:first:${limit}`,
} as const;
