import 'reflect-metadata';
import { GraphqlModule } from '@dailies/api-graphql';
import { ApiV2Module } from '@dailies/api-v2';
import { runMain } from '@dailies/platform';

// The core API alone (REST /v2 and GraphQL /graphql), for running it in its own container.
void runMain('Dailies core API', [ApiV2Module, GraphqlModule], 'core-api');
