import type { AccountErrorCode } from '../accounts/account';
import type { IdentityErrorCode } from '../accounts/identity';
import type { InvitationErrorCode } from '../accounts/invitation';
import type { TeamErrorCode } from '../accounts/team';
import type { AssetErrorCode } from '../projects/asset';
import type { CommentErrorCode } from '../projects/comment';
import type { ProjectErrorCode } from '../projects/project';
import type { ReviewLinkErrorCode } from '../projects/review-link';
import type { StaffErrorCode } from '../staff/staff.errors';

/** Refusals that are not about one aggregate. */
export type GeneralErrorCode =
  'event_runtime_not_running' | 'job_engine_not_running' | 'storage_limit_exceeded';

/**
 * Every machine-readable reason a use case can give for refusing, one union per aggregate
 * (`<aggregate>.errors.ts`). Clients branch on it (problem+json `code`, GraphQL
 * `extensions.featureCode`) instead of parsing messages; a new refusal names its code there.
 */
export type FeatureErrorCode =
  | ProjectErrorCode
  | AssetErrorCode
  | CommentErrorCode
  | ReviewLinkErrorCode
  | AccountErrorCode
  | IdentityErrorCode
  | TeamErrorCode
  | InvitationErrorCode
  | StaffErrorCode
  | GeneralErrorCode;
