import { Command } from '@nestjs/cqrs';
import type { UsageDrift } from '../../views/usage.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../shared/validate';

/** Without `accountId`: every account (staff and system jobs only). */
export const reconcileUsageInput = z.object({ accountId: idSchema.optional() });

/**
 * Recomputes accounts' usage from the assets by the usage rule, writes the corrected figures and
 * reports the drift. For one account: its report, drift or not; for every account: the reports
 * of those that drifted.
 */
export class ReconcileUsageCommand extends Command<UsageDrift[]> {
  readonly input: z.infer<typeof reconcileUsageInput>;
  constructor(
    readonly actor: Actor,
    input: unknown = {},
  ) {
    super();
    this.input = validate(reconcileUsageInput, input);
  }
}
