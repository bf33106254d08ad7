import { z } from 'zod';
import { validate } from '../../../../shared/validate';

export const refreshSessionInput = z.object({
  refreshToken: z.string().trim().min(1, 'is required').max(200),
});

export class RefreshSessionCommand {
  readonly input: z.infer<typeof refreshSessionInput>;
  constructor(input: unknown) {
    this.input = validate(refreshSessionInput, input);
  }
}
