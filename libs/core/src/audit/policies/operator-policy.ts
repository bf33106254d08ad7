import { Actor } from '@dailies/events';
import { forbidden } from '../../shared/errors';

/** Maintenance of the whole platform (retention, repairs) is for staff and scheduled jobs only. */
export function requireOperator(actor: Actor): void {
  if (actor.type !== 'system' && actor.type !== 'staff') {
    throw forbidden('Only staff and system jobs can do this');
  }
}
