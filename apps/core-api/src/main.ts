import 'reflect-metadata';
import { ApiV2Module } from '@dailies/api-v2';
import { runMain } from '@dailies/platform';

// The core API alone (REST /v2), for running it in its own container.
void runMain('Dailies core API', [ApiV2Module]);
