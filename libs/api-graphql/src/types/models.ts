import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from './scalars';
import { ConnectionOf } from './connection';
import {
  AssetLabel,
  AssetStatus,
  AssetType,
  CollaboratorRole,
  InvitationRole,
  ProjectAccess,
} from './enums';

// The schema's object types: the /v2 views' fields, plus relations resolved by field resolvers.

@ObjectType()
export class User {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field() status!: string;
  @Field() timezone!: string;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType({ description: 'An account the caller belongs to (role: theirs)' })
export class Account {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() plan!: string;
  @Field(() => Float) storageLimitBytes!: number;
  @Field(() => String, { nullable: true }) role?: string;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class Team {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) memberCount?: number;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class Project {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => ID) teamId!: string;
  @Field() name!: string;
  @Field() private!: boolean;
  @Field() archived!: boolean;
  @Field(() => ID, { nullable: true }) rootAssetId!: string | null;
  @Field(() => ID, { nullable: true }) ownerId!: string | null;
  @Field(() => String, { nullable: true }) legacyId!: string | null;
  @Field(() => ProjectAccess) access!: string;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class Collaborator {
  @Field(() => ID) userId!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => CollaboratorRole) role!: string;
  @Field() addedAt!: string;
  @Field(() => ID, { nullable: true }) addedById!: string | null;
}

@ObjectType()
export class Asset {
  @Field(() => ID) id!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => AssetType) type!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) filetype!: string | null;
  @Field(() => Float) filesize!: number;
  @Field(() => Float, { nullable: true }) duration!: number | null;
  @Field(() => Float, { nullable: true }) fps!: number | null;
  @Field(() => Int, { nullable: true }) frames!: number | null;
  @Field(() => AssetStatus) status!: string;
  @Field(() => AssetLabel) label!: string;
  @Field(() => Int) version!: number;
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Custom properties: only where one asset is asked for (asset(id), mutations)',
  })
  properties?: Record<string, unknown>;
  @Field(() => ID, { nullable: true }) creatorId!: string | null;
  @Field(() => String, { nullable: true }) legacyId!: string | null;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
  @Field(() => String, { nullable: true }) deletedAt?: string;
  @Field(() => Int, { nullable: true, description: 'Version stacks only' }) versionCount?: number;
  @Field(() => Asset, { nullable: true, description: 'Version stacks: the latest version' })
  headVersion?: Asset;
}

@ObjectType()
export class UploadInstructions {
  @Field() method!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true }) expiresAt!: string | null;
  @Field() completeUrl!: string;
}

@ObjectType()
export class CreatedAsset {
  @Field(() => Asset) asset!: Asset;
  @Field(() => UploadInstructions, { nullable: true, description: 'Files: where the bytes go' })
  upload!: UploadInstructions | null;
}

@ObjectType({ description: 'A signed-in user, or an anonymous reviewer (id null)' })
export class CommentAuthor {
  @Field(() => ID, { nullable: true }) id!: string | null;
  @Field() name!: string;
  /** `anonymous` is resolved from `id` (see CommentAuthorFields). */
}

@ObjectType()
export class UserRef {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType()
export class CommentMention {
  @Field(() => ID) userId!: string;
  @Field() name!: string;
}

@ObjectType()
export class MediaTime {
  @Field(() => Int, { description: 'Frame number, from 0' }) frame!: number;
  @Field(() => Float, { description: 'Start of that frame in seconds (to the µs)' })
  seconds!: number;
  @Field({ description: 'SMPTE timecode; `;` before the frames marks drop-frame (29.97, 59.94)' })
  smpte!: string;
}

@ObjectType({ description: 'A timestamp in frames, seconds and timecode, at the file’s real rate' })
export class CommentTime {
  @Field({ description: 'Exact frame rate of the file, e.g. 24000/1001' }) frameRate!: string;
  @Field(() => MediaTime) start!: MediaTime;
  @Field(() => MediaTime, { nullable: true, description: 'The frame after the range, or null' })
  end!: MediaTime | null;
}

@ObjectType()
export class Comment {
  @Field(() => ID) id!: string;
  @Field(() => ID) assetId!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => CommentAuthor) author!: CommentAuthor;
  @Field() text!: string;
  @Field(() => Int, { nullable: true, description: 'The frame it points at' })
  timestamp!: number | null;
  @Field(() => Int, { nullable: true, description: 'Frames from timestamp' })
  duration!: number | null;
  @Field(() => CommentTime, {
    nullable: true,
    description:
      'The timestamp in seconds and SMPTE timecode too (null until the file is processed)',
  })
  time!: CommentTime | null;
  @Field(() => JSONScalar, { nullable: true }) annotation!: unknown;
  @Field() private!: boolean;
  @Field(() => [CommentMention]) mentions!: CommentMention[];
  @Field() completed!: boolean;
  @Field(() => String, { nullable: true }) completedAt!: string | null;
  @Field(() => UserRef, { nullable: true }) completedBy!: UserRef | null;
  @Field(() => Int) likeCount!: number;
  @Field() likedByMe!: boolean;
  @Field(() => String, { nullable: true }) editedAt!: string | null;
  @Field(() => String, { nullable: true }) legacyId!: string | null;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
  /** Present on top-level comments (threads); replies have none. */
  replies?: Comment[];
}

@ObjectType()
export class ReviewLink {
  @Field(() => ID) id!: string;
  @Field(() => ID) projectId!: string;
  @Field() name!: string;
  @Field() shortCode!: string;
  @Field() url!: string;
  @Field() hasPassword!: boolean;
  @Field() active!: boolean;
  @Field() expired!: boolean;
  @Field(() => String, { nullable: true }) expiresAt!: string | null;
  @Field() allowDownload!: boolean;
  @Field() allowComments!: boolean;
  @Field(() => Int) itemCount!: number;
  @Field(() => [ID]) assetIds!: string[];
  @Field(() => ID, { nullable: true }) createdById!: string | null;
  @Field(() => String, { nullable: true }) legacyId!: string | null;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class Invitation {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => ID, { nullable: true }) teamId!: string | null;
  @Field() email!: string;
  @Field(() => InvitationRole) role!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'A project invitation: joins this project only, not the account',
  })
  projectId!: string | null;
  @Field(() => CollaboratorRole, { nullable: true }) projectRole!: string | null;
  @Field() status!: string;
  @Field(() => ID, { nullable: true }) invitedById!: string | null;
  @Field() expiresAt!: string;
  @Field(() => String, { nullable: true }) acceptedAt!: string | null;
  @Field() createdAt!: string;
}

@ObjectType()
export class Notification {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) body!: string | null;
  @Field() read!: boolean;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field(() => ID, { nullable: true }) accountId!: string | null;
  @Field(() => ID, { nullable: true }) projectId!: string | null;
  @Field(() => ID, { nullable: true }) assetId!: string | null;
  @Field(() => ID, { nullable: true }) commentId!: string | null;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field() actorName!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class UnreadCount {
  @Field(() => Int) unreadCount!: number;
}

@ObjectType()
export class AuditActor {
  @Field() type!: string;
  @Field(() => String, { nullable: true }) id!: string | null;
  @Field(() => String, { nullable: true }) detail!: string | null;
}

@ObjectType()
export class AuditSubject {
  @Field() type!: string;
  @Field() id!: string;
}

@ObjectType()
export class AuditEntry {
  @Field(() => ID) eventId!: string;
  @Field() action!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => AuditActor) actor!: AuditActor;
  @Field(() => AuditSubject) subject!: AuditSubject;
  @Field(() => ID, { nullable: true }) accountId!: string | null;
  @Field(() => ID, { nullable: true }) teamId!: string | null;
  @Field(() => ID, { nullable: true }) projectId!: string | null;
  @Field(() => JSONScalar, { nullable: true }) details!: unknown;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => String, { nullable: true }) ip!: string | null;
}

@ObjectType()
export class SearchComment {
  @Field(() => ID) id!: string;
  @Field() text!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => ID, { nullable: true }) authorId!: string | null;
  @Field(() => String, { nullable: true }) authorName!: string | null;
  @Field(() => Int, { nullable: true }) frame!: number | null;
  @Field() private!: boolean;
  @Field() createdAt!: string;
}

@ObjectType()
export class SearchHit {
  @Field() kind!: string;
  @Field(() => Asset) asset!: Asset;
  @Field(() => SearchComment, { nullable: true }) comment?: SearchComment;
}

export const AccountConnection = ConnectionOf(Account, 'Account');
export const TeamConnection = ConnectionOf(Team, 'Team');
export const ProjectConnection = ConnectionOf(Project, 'Project');
export const AssetConnection = ConnectionOf(Asset, 'Asset');
export const CommentConnection = ConnectionOf(Comment, 'Comment');
export const CollaboratorConnection = ConnectionOf(Collaborator, 'Collaborator');
export const ReviewLinkConnection = ConnectionOf(ReviewLink, 'ReviewLink');
export const NotificationConnection = ConnectionOf(Notification, 'Notification');
export const AuditEntryConnection = ConnectionOf(AuditEntry, 'AuditEntry');
export const SearchHitConnection = ConnectionOf(SearchHit, 'SearchHit');

@ObjectType({
  description:
    'A verified member of the account is added at once (collaborator); anyone else named by ' +
    'email gets an invitation (the same answer whether or not the address has a login)',
})
export class AddCollaboratorPayload {
  @Field({ description: '`added` or `invited`' }) outcome!: string;
  @Field(() => Collaborator, { nullable: true }) collaborator!: Collaborator | null;
  @Field(() => Invitation, { nullable: true }) invitation!: Invitation | null;
}
