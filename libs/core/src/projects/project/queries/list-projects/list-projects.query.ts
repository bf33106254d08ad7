import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { ProjectView } from '../../views/project.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

/** `?archived=true|false` (default false) besides `?limit=&cursor=`. */
export const listProjectsParams = pageRequestSchema.extend({
  archived: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .default(false),
});

export class ListProjectsQuery extends Query<Page<ProjectView>> {
  readonly params: z.infer<typeof listProjectsParams>;
  constructor(
    readonly actor: Actor,
    readonly teamId: string,
    params: unknown,
  ) {
    super();
    this.params = validate(listProjectsParams, params);
  }
}
