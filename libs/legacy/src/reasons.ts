/**
 * Why a legacy record was set aside (a reject) or migrated with an adjustment (a repair). Every
 * rule of the migration has one code here; the rejects file, the summary and docs use them.
 */
export const REJECT_REASONS = {
  invalid_attribute_type:
    'An attribute is neither a DynamoDB string nor a number, boolean or null that reads as one.',
  invalid_item:
    'The source item is not a DynamoDB item: an export line that is not JSON, or has no `Item` ' +
    'object. The rejects keep the line (its first 1000 characters).',
  item_too_large:
    "The item is over DynamoDB's 400 KB item limit (UTF-8 bytes of names and values): no real " +
    'table can hold it, so the export is corrupt there.',
  invalid_id: 'The key is not an id of the format SCHEMA.md gives the table (24-hex or UUID).',
  missing_value: 'A value the new schema requires is missing, "" or "null".',
  invalid_value:
    'A value cannot be read as its type (timestamp, number, boolean, JSON list or object, enum, ' +
    'email, bcrypt digest, id in a list): a bad value, never a guess.',
  soft_deleted:
    'A deleted account, team or project: the new schema has no soft delete for them, so migrating ' +
    'would bring it back to life. The raw record stays in the rejects file.',
  dangling_reference:
    'A reference the new row cannot exist without (team → account, project → team, asset → ' +
    'project, comment → asset, review link → project) names a record the source does not have.',
  reference_rejected:
    'A reference the new row cannot exist without names a record that was itself rejected.',
  duplicate_email:
    'Another user has the same email, compared case-insensitively (the new schema keeps emails ' +
    'unique). The winner is the non-deleted user, then the one who logged in last, then the ' +
    'oldest, then the smallest id; the others are rejected.',
  duplicate_short_code:
    'Another review link has the same short code (unique in the new schema). The oldest link ' +
    '(created_at, then id) keeps it: it had the code first.',
  database_refused:
    'PostgreSQL refused the row although every value parsed (a limit or constraint the parse ' +
    'does not know). The batch is bisected down to the refused rows; the message is the ' +
    "database's error.",
} as const;

export type RejectReason = keyof typeof REJECT_REASONS;

/** Records that migrate, adjusted by a documented rule. Counted in the summary, not rejected. */
export const REPAIRS = {
  nul_removed:
    'U+0000 (which PostgreSQL cannot store in text or jsonb) is removed from every value but the ' +
    'key, including the `\\u0000` escapes inside JSON documents (settings, properties, annotation).',
  lone_surrogate_replaced:
    'A lone UTF-16 surrogate (no valid UTF-8) becomes U+FFFD, in values and inside JSON documents.',
  email_lowercased: 'Emails are stored lower-cased (unique case-insensitively).',
  name_from_email: 'A user without a name is named after the local part of their email.',
  password_unusable:
    'A user without a bcrypt digest migrates without a password (they reset it to log in).',
  deleted_user_locked:
    'A deleted user migrates as status `locked`: they cannot log in, and what they wrote keeps ' +
    'its author.',
  timezone_defaulted: 'A user without a timezone gets UTC (the new schema requires one).',
  optional_reference_dropped:
    'An optional reference (owner, creator, author, completed_by, created_by) names a user who ' +
    'did not migrate: it becomes null.',
  list_entry_dropped:
    'An id in a list (members, admins, collaborators, reviewers, likes, review link items) names ' +
    'a record that did not migrate, or belongs elsewhere: that entry is dropped.',
  membership_from_user_list:
    "Account memberships are the union of the account's member_ids/admin_ids/owner_id and the " +
    "users' account_ids: each list lost entries over the years.",
  owner_promoted:
    "The account's owner did not migrate: its first migrated admin (admin_ids order), else its " +
    'first member, becomes the owner. With neither, the account has no owner.',
  team_member_not_in_account:
    'A team member who is not a member of the team account is not added to the team.',
  collaborator_both_roles: 'A user in both collaborator_ids and reviewer_ids is an editor.',
  project_root_chosen:
    "A project's root_asset_id does not name a folder of the project: its oldest parentless " +
    'folder becomes the root, else a new empty root folder is created.',
  asset_reparented_to_root:
    "An asset's parent is missing, rejected, in another project, a file, a stack holding a " +
    'non-file, on a parent cycle, or the asset has no parent but is not the root: it moves to ' +
    "the project's root folder.",
  sibling_order_from_child_ids:
    "Children follow their parent's child_ids; children missing from the list come after the " +
    'listed ones, oldest first; ids of other parents are ignored.',
  versions_renumbered:
    'Versions inside a stack are renumbered 1..n by (version, created_at, id); assets outside ' +
    'a stack are version 1.',
  empty_stack_to_folder: 'A version stack without versions becomes a folder.',
  trash_inherited:
    'An asset inside a trashed folder is trashed with it (deleted_at of the trashed ancestor, ' +
    'trash_root_id = the topmost trashed ancestor).',
  root_not_trashable: 'A deleted root folder is not trashed: the new schema cannot trash a root.',
  reply_flattened:
    'A reply to a reply attaches to the top-level comment of its thread (one level of replies).',
  reply_detached:
    'A reply whose parent is missing, rejected, on another asset or on a parent cycle becomes a ' +
    'top-level comment.',
  completed_at_defaulted: 'A completed comment without completed_at uses its updated_at.',
  deleted_comment_time:
    'A deleted comment gets deleted_at = its updated_at (the legacy flag has no time).',
  zero_duration_dropped: 'A comment duration of 0 frames means no range: it becomes null.',
  updated_at_defaulted: 'A record without updated_at uses its created_at.',
} as const;

export type RepairCode = keyof typeof REPAIRS;
