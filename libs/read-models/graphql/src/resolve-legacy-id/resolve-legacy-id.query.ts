import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { validate } from '@dailies/core';

export const legacyKinds = [
  'account',
  'team',
  'project',
  'asset',
  'comment',
  'reviewLink',
] as const;
export type LegacyKind = (typeof legacyKinds)[number];

/**
 * The id of a record migrated from the legacy system, from its legacy id (old clients and old
 * links keep working). Answers an id only: the caller then reads it through the ordinary query,
 * whose policy decides whether it exists for them.
 */
export class ResolveLegacyIdQuery extends Query<string | null> {
  readonly input: { kind: LegacyKind; id: string };
  constructor(kind: LegacyKind, id: string) {
    super();
    this.input = validate(z.object({ kind: z.enum(legacyKinds), id: z.string().max(200) }), {
      kind,
      id,
    });
  }
}
