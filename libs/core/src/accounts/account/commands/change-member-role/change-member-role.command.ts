import { Command } from '@nestjs/cqrs';
import type { MemberView } from '../../views/member.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { idSchema, validate } from '../../../../shared/validate';

export const changeMemberRoleInput = z.object({
  accountId: idSchema,
  userId: idSchema,
  /** `owner` transfers ownership: the previous owner becomes an admin. */
  role: z.enum(['owner', 'admin', 'member']),
});

export class ChangeMemberRoleCommand extends Command<MemberView> {
  readonly input: z.infer<typeof changeMemberRoleInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(changeMemberRoleInput, input);
  }
}
