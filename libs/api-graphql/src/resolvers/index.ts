import { AssetMutations } from './asset.mutations';
import { CommentMutations } from './comment.mutations';
import { OtherMutations } from './other.mutations';
import { ProjectMutations } from './project.mutations';
import { QueryResolver } from './query.resolver';
import { SubscriptionResolver } from './subscription.resolver';
import {
  AccountRelations,
  AssetRelations,
  CommentAuthorFields,
  CommentRelations,
  ProjectRelations,
  TeamRelations,
  UserRelations,
} from './relations.resolver';

export const GRAPHQL_RESOLVERS = [
  QueryResolver,
  UserRelations,
  AccountRelations,
  TeamRelations,
  ProjectRelations,
  AssetRelations,
  CommentRelations,
  CommentAuthorFields,
  ProjectMutations,
  AssetMutations,
  CommentMutations,
  OtherMutations,
  SubscriptionResolver,
];
