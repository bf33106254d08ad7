/** Why a comment use case refused (problem+json `code`, GraphQL `extensions.featureCode`). */
export type CommentErrorCode =
  | 'comment_on_folder'
  | 'empty_stack'
  | 'reply_not_completable'
  /** A timestamp or range outside the file's real frames (400). */
  | 'timestamp_out_of_range';
