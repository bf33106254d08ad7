import 'reflect-metadata';
import { ApiV1Module } from '@dailies/api-v1';
import { runMain } from '@dailies/platform';

// The Munger alone (the legacy /v1 contract), for running it in its own container on its own
// port (PORT). The one-process platform mounts the same module.
void runMain('Dailies Munger (legacy /v1)', [ApiV1Module], 'munger');
