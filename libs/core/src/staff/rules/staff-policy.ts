import { Actor } from '@dailies/events';
import { forbidden } from '../../shared/errors';

/** Staff actions on customers are for staff only (never a customer, never a job). */
export function requireStaff(actor: Actor): Extract<Actor, { type: 'staff' }> {
  if (actor.type !== 'staff') throw forbidden('Only Dailies support staff can do this');
  return actor;
}

/** Every staff action on a customer needs a reason; it is shown in the customer's audit log. */
export const STAFF_REASON_MAX = 500;
