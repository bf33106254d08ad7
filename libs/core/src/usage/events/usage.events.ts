import { defineEvent } from '@dailies/events';
import { z } from 'zod';

const figures = z.object({ storageBytes: z.number(), assetCount: z.number().int() });

/**
 * The reconcile command found the kept usage figures off and corrected them (subject: the
 * account). Raised only when there was drift, so each one marks a bug or a lost event.
 */
export class UsageReconciled extends defineEvent(
  'usage.reconciled',
  1,
  z.object({ before: figures, after: figures, drift: figures }),
) {}
