import { Command } from '@nestjs/cqrs';
import type { LogInResult } from './log-in.handler';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';

export const logInInput = z.object({
  email: z.string().trim().min(1, 'is required').max(254),
  password: z.string().min(1, 'is required').max(1024),
});

export class LogInCommand extends Command<LogInResult> {
  readonly input: z.infer<typeof logInInput>;
  constructor(
    input: unknown,
    readonly ip?: string,
  ) {
    super();
    this.input = validate(logInInput, input);
  }
}
