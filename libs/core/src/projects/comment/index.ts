// The public API of the comment aggregate: commands, queries, input schemas, views and events.
export * from './commands/complete-comment/complete-comment.command';
export * from './commands/create-comment/create-comment.command';
export * from './commands/delete-comment/delete-comment.command';
export * from './commands/like-comment/like-comment.command';
export * from './commands/reply-to-comment/reply-to-comment.command';
export * from './commands/uncomplete-comment/uncomplete-comment.command';
export * from './commands/unlike-comment/unlike-comment.command';
export * from './commands/update-comment/update-comment.command';
export * from './queries/get-comment/get-comment.query';
export * from './queries/list-comments/list-comments.query';
export {
  type CommentAuthorView,
  commentAuthorViewSchema,
  type CommentMentionView,
  commentMentionViewSchema,
  type CommentThreadView,
  commentThreadViewSchema,
  type CommentView,
  commentViewSchema,
  type CommentTimeView,
  commentTimeViewSchema,
} from './views/comment.view';
export * from './comment.events';
// Comment rules the review-link aggregate shares: reviewers write into the same threads.
export * from './rules/comment-input';
export * from './rules/comment-event-scope';
export * from './rules/comment-target';
export * from './rules/comment-timing';
export * from './rules/comment-reader';
export { toCommentRow, toCommentThreadView } from './views/comment.view';
export type * from './comment.errors';
