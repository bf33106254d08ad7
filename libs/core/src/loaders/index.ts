export * from './batch-page';
export * from './load-assets/load-assets.query';
export * from './load-children/load-children.query';
export * from './load-comment-threads/load-comment-threads.query';
export * from './load-projects/load-projects.query';
export * from './load-versions/load-versions.query';
export * from './resolve-legacy-id/resolve-legacy-id.query';
export * from './live-access/live-access.query';
