import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import type { DynasaurRunDetails } from './get-dynasaur-run.handler';

/** One Dynasaur run: per-table counts, rejects by reason with samples (staff and system jobs). */
export class GetDynasaurRunQuery extends Query<DynasaurRunDetails> {
  constructor(
    readonly actor: Actor,
    readonly runId: string,
  ) {
    super();
  }
}
