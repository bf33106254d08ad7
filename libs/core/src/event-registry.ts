import { EventClass, EventRegistry } from '@dailies/events';
import * as accountEvents from './accounts/events';

/** The one registry of every event the domain raises (wire name → class). */
export function createEventRegistry(): EventRegistry {
  const classes = [...Object.values(accountEvents)] as EventClass[];
  return new EventRegistry(classes);
}
