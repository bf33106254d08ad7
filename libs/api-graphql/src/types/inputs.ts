import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { JSONScalar } from './scalars';
import { AssetLabel, AssetType, CollaboratorRole, InvitationRole } from './enums';

// Mutation inputs: the /v2 request bodies' fields. The domain validates them (BAD_USER_INPUT
// with the field names on failure), so these only describe their shapes.

@InputType()
export class NotificationFilter {
  @Field({ nullable: true, description: 'Only unread ones' }) unread?: boolean;
}

@InputType()
export class AuditLogFilter {
  @Field({ nullable: true, description: 'An event name, or a prefix such as comment.*' })
  action?: string;
  @Field({ nullable: true }) actorId?: string;
  @Field({ nullable: true }) subjectType?: string;
  @Field({ nullable: true }) subjectId?: string;
  @Field({ nullable: true, description: 'ISO 8601, inclusive' }) from?: string;
  @Field({ nullable: true, description: 'ISO 8601, exclusive' }) to?: string;
}

@InputType()
export class CreateProjectInput {
  @Field() name!: string;
  @Field({ nullable: true }) private?: boolean;
}

@InputType()
export class UpdateProjectInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) private?: boolean;
  @Field({ nullable: true }) archived?: boolean;
}

@InputType({ description: 'Exactly one of userId and email' })
export class AddCollaboratorInput {
  @Field(() => ID, { nullable: true }) userId?: string;
  @Field({ nullable: true }) email?: string;
  @Field(() => CollaboratorRole) role!: string;
}

@InputType()
export class MediaInput {
  @Field({ nullable: true }) filetype?: string;
  @Field(() => Float, { nullable: true }) filesize?: number;
  @Field(() => Float, { nullable: true }) duration?: number;
  @Field(() => Float, { nullable: true }) fps?: number;
  @Field(() => Int, { nullable: true }) frames?: number;
}

@InputType()
export class CreateAssetInput extends MediaInput {
  @Field(() => AssetType, { description: 'folder or file' }) type!: string;
  @Field() name!: string;
  @Field(() => JSONScalar, { nullable: true }) properties?: Record<string, unknown>;
  @Field(() => Int, { nullable: true, description: 'Position among the siblings' }) index?: number;
}

@InputType()
export class UpdateAssetInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => AssetLabel, { nullable: true }) label?: string;
  @Field(() => JSONScalar, { nullable: true, description: 'Replaces the whole object' })
  properties?: Record<string, unknown>;
}

@InputType()
export class CommentInput {
  @Field() text!: string;
  @Field(() => Int, { nullable: true }) timestamp?: number;
  @Field(() => Int, { nullable: true }) duration?: number;
  @Field(() => JSONScalar, { nullable: true }) annotation?: unknown;
  @Field({ nullable: true, description: 'Account members only (top-level comments)' })
  private?: boolean;
  @Field(() => [ID], { nullable: true }) mentions?: string[];
}

@InputType({ description: 'Only what is sent changes; null clears timestamp/duration/annotation' })
export class UpdateCommentInput {
  @Field({ nullable: true }) text?: string;
  @Field(() => Int, { nullable: true }) timestamp?: number;
  @Field(() => Int, { nullable: true }) duration?: number;
  @Field(() => JSONScalar, { nullable: true }) annotation?: unknown;
  @Field({ nullable: true }) private?: boolean;
}

@InputType()
export class CreateReviewLinkInput {
  @Field() name!: string;
  @Field(() => [ID]) assetIds!: string[];
  @Field({ nullable: true }) password?: string;
  @Field({ nullable: true, description: 'ISO 8601' }) expiresAt?: string;
  @Field({ nullable: true }) allowDownload?: boolean;
  @Field({ nullable: true }) allowComments?: boolean;
}

@InputType({ description: 'Only what is sent changes; null removes password or expiry' })
export class UpdateReviewLinkInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) password?: string | null;
  @Field(() => String, { nullable: true }) expiresAt?: string | null;
  @Field({ nullable: true }) active?: boolean;
  @Field({ nullable: true }) allowDownload?: boolean;
  @Field({ nullable: true }) allowComments?: boolean;
  @Field(() => [ID], { nullable: true }) assetIds?: string[];
}

@InputType()
export class CreateInvitationInput {
  @Field() email!: string;
  @Field(() => InvitationRole, { nullable: true }) role?: string;
  @Field(() => ID, { nullable: true }) teamId?: string;
}
