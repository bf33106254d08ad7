import { Type } from '@nestjs/common';
import { CompleteCommentHandler } from './commands/complete-comment/complete-comment.handler';
import { CreateCommentHandler } from './commands/create-comment/create-comment.handler';
import { DeleteCommentHandler } from './commands/delete-comment/delete-comment.handler';
import { LikeCommentHandler } from './commands/like-comment/like-comment.handler';
import { ReplyToCommentHandler } from './commands/reply-to-comment/reply-to-comment.handler';
import { UncompleteCommentHandler } from './commands/uncomplete-comment/uncomplete-comment.handler';
import { UnlikeCommentHandler } from './commands/unlike-comment/unlike-comment.handler';
import { UpdateCommentHandler } from './commands/update-comment/update-comment.handler';
import { GetCommentHandler } from './queries/get-comment/get-comment.handler';
import { ListCommentsHandler } from './queries/list-comments/list-comments.handler';
import { CommentMentions } from './rules/comment-mentions';
import { CommentReader } from './rules/comment-reader';

/**
 * Command and query handlers of the comment use cases, registered by ProjectsModule, with the
 * services they share (the review-link use cases use them too).
 */
export const CommentHandlers: Type[] = [
  CommentReader,
  CommentMentions,
  CreateCommentHandler,
  ReplyToCommentHandler,
  UpdateCommentHandler,
  DeleteCommentHandler,
  CompleteCommentHandler,
  UncompleteCommentHandler,
  LikeCommentHandler,
  UnlikeCommentHandler,
  ListCommentsHandler,
  GetCommentHandler,
];
