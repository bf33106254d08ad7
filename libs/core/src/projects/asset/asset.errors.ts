/** Why an asset use case refused (problem+json `code`, GraphQL `extensions.featureCode`). */
export type AssetErrorCode =
  | 'root_folder'
  | 'not_trash_root'
  | 'parent_not_folder'
  | 'other_project'
  | 'not_versionable'
  | 'next_not_file'
  | 'same_asset'
  | 'already_in_stack'
  | 'not_a_file'
  | 'upload_completed'
  | 'copy_into_self'
  | 'move_into_self'
  | 'stack_takes_files'
  | 'not_a_version_stack';
