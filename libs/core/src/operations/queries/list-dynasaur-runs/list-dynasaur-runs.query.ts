import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import type { DynasaurRunView } from './dynasaur-run.view';

/** The latest Dynasaur runs, newest first (staff and system jobs). */
export class ListDynasaurRunsQuery extends Query<DynasaurRunView[]> {
  constructor(
    readonly actor: Actor,
    readonly limit = 20,
  ) {
    super();
  }
}
