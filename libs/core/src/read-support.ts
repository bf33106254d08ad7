// Building blocks for the read models that live beside their transport (libs/read-models/*):
// the column lists, cursors and row-to-view mappers they share with the domain's own reads, so a
// new field reaches every reader. Not an API for transports, which use '@dailies/core'.
export * from './projects/asset/rules/asset-fields';
export * from './projects/asset/rules/asset-views';
export * from './projects/comment/rules/comment-columns.sql';
export * from './projects/comment/rules/comment-cursor';
export * from './projects/comment/views/comment.view';
export * from './shared/db';
