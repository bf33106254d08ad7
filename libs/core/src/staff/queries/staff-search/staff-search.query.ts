import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../shared/validate';
import type { StaffSearchResults } from './staff-search.handler';

export const staffSearchInput = z.object({
  q: z.string().trim().min(2, 'type at least 2 characters').max(200),
});

/** One box for support: users, accounts, projects, assets, invitations and request ids. */
export class StaffSearchQuery extends Query<StaffSearchResults> {
  readonly input: z.infer<typeof staffSearchInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(staffSearchInput, input);
  }
}
