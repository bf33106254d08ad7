import { Actor } from '@dailies/events';
import { forbidden, validationFailed } from '../../shared/errors';

/** Staff actions on customers are for staff only (never a customer, never a job). */
export function requireStaff(actor: Actor): Extract<Actor, { type: 'staff' }> {
  if (actor.type !== 'staff') throw forbidden('Only Dailies support staff can do this');
  return actor;
}

/** Every staff action on a customer needs a reason; it is shown in the customer's audit log. */
export const STAFF_REASON_MAX = 500;

/**
 * For domain commands that customers and staff both send (resend a verification mail, a
 * password-reset link, an invitation): a staff actor must carry the reason, checked here in the
 * domain so no transport can forget it. Customers' own actions need none.
 */
export function requireReasonOfStaff(actor: Actor): void {
  if (actor.type !== 'staff') return;
  const reason = actor.reason?.trim() ?? '';
  if (reason.length < 3 || reason.length > STAFF_REASON_MAX)
    throw validationFailed([
      { field: 'reason', message: `give a reason (3 to ${STAFF_REASON_MAX} characters)` },
    ]);
}
