import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Asset, Comment } from './models';

export const AssetChangeKind = {
  created: 'created',
  updated: 'updated',
  moved: 'moved',
  trashed: 'trashed',
  restored: 'restored',
  versioned: 'versioned',
  upload_completed: 'upload_completed',
} as const;
export type AssetChangeKind = keyof typeof AssetChangeKind;

export const CommentChangeKind = {
  added: 'added',
  edited: 'edited',
  completed: 'completed',
  uncompleted: 'uncompleted',
  deleted: 'deleted',
  liked: 'liked',
  unliked: 'unliked',
} as const;
export type CommentChangeKind = keyof typeof CommentChangeKind;

registerEnumType(AssetChangeKind, { name: 'AssetChangeKind' });
registerEnumType(CommentChangeKind, { name: 'CommentChangeKind' });

@ObjectType({ description: 'Something happened to an asset of the project' })
export class AssetChange {
  @Field(() => AssetChangeKind) kind!: AssetChangeKind;
  @Field(() => ID, { description: 'The event’s id (for de-duplication)' }) eventId!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => ID) assetId!: string;
  @Field(() => Asset, { nullable: true, description: 'As it is now; null once trashed' })
  asset!: Asset | null;
}

@ObjectType({ description: 'Something happened to a comment of the asset' })
export class CommentChange {
  @Field(() => CommentChangeKind) kind!: CommentChangeKind;
  @Field(() => ID) eventId!: string;
  @Field(() => ID) assetId!: string;
  @Field(() => ID) commentId!: string;
  @Field(() => Comment, { nullable: true, description: 'As it is now; null once deleted' })
  comment!: Comment | null;
}

export const ASSET_KINDS: Record<string, AssetChangeKind> = {
  'asset.created': 'created',
  'asset.copied': 'created',
  'asset.renamed': 'updated',
  'asset.label_changed': 'updated',
  'asset.properties_changed': 'updated',
  'asset.stack_dissolved': 'updated',
  'asset.moved': 'moved',
  'asset.deleted': 'trashed',
  'asset.restored': 'restored',
  'asset.versioned': 'versioned',
  'asset.upload_completed': 'upload_completed',
  // Media processing changes the status (and, when ready, the media facts).
  'asset.processing_started': 'updated',
  'asset.processed': 'updated',
  'asset.processing_failed': 'updated',
};

export const COMMENT_KINDS: Record<string, CommentChangeKind> = {
  'comment.created': 'added',
  'comment.edited': 'edited',
  'comment.completed': 'completed',
  'comment.uncompleted': 'uncompleted',
  'comment.deleted': 'deleted',
  'comment.liked': 'liked',
  'comment.unliked': 'unliked',
};
