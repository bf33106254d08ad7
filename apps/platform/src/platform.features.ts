import { GraphqlModule } from '@dailies/api-graphql';
import { ApiV1Module } from '@dailies/api-v1';
import { ApiV2Module } from '@dailies/api-v2';
import { SupportToolModule } from '@dailies/support-tool';

/** Everything the one-process platform serves. */
export const platformFeatures = [ApiV2Module, GraphqlModule, ApiV1Module, SupportToolModule];
