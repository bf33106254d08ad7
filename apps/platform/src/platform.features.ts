import { GraphqlModule } from '@dailies/api-graphql';
import { ApiV2Module } from '@dailies/api-v2';

/** Everything the one-process platform serves. */
export const platformFeatures = [ApiV2Module, GraphqlModule];
