import {
  AssetCopied,
  AssetCreated,
  AssetHardDeleted,
  AssetUploadCompleted,
} from '../projects/asset';
import { ProjectDeleted } from '../projects/project';
import { USAGE_EVENTS } from './usage-rule';

/** The event classes the usage consumer subscribes to: exactly those the usage rule reads. */
export const USAGE_EVENT_CLASSES = [
  AssetCreated,
  AssetUploadCompleted,
  AssetCopied,
  AssetHardDeleted,
  ProjectDeleted,
] as const;

type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Compile-time check: a class added here without a rule, or a rule without its class, makes
// this `false` and the assignment fails to compile.
const classesMatchTheRule: SameNames<
  (typeof USAGE_EVENT_CLASSES)[number]['eventName'],
  (typeof USAGE_EVENTS)[number]
> = true;
void classesMatchTheRule;
