import { EventClass, EventRegistry } from '@dailies/events';
import * as accountEvents from './accounts/events';
import * as projectEvents from './projects/events';

/** The one registry of every event the domain raises (wire name → class). */
export function createEventRegistry(): EventRegistry {
  const classes = [
    ...Object.values(accountEvents),
    ...Object.values(projectEvents),
  ] as EventClass[];
  return new EventRegistry(classes);
}
