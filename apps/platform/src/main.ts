import 'reflect-metadata';
import { runMain } from '@dailies/platform';
import { platformFeatures } from './platform.features';

void runMain('Dailies platform', platformFeatures, 'platform');
