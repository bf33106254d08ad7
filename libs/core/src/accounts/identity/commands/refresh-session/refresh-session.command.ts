import { Command } from '@nestjs/cqrs';
import type { IssuedSession } from '../../rules/session-issuer';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';

export const refreshSessionInput = z.object({
  refreshToken: z.string().trim().min(1, 'is required').max(200),
});

export class RefreshSessionCommand extends Command<IssuedSession> {
  readonly input: z.infer<typeof refreshSessionInput>;
  constructor(input: unknown) {
    super();
    this.input = validate(refreshSessionInput, input);
  }
}
