import { validate } from '@dailies/core';
import { z } from 'zod';

const reasonSchema = z.object({
  reason: z.string().trim().min(3, 'give a reason (3 characters or more)').max(500),
});

/** Every staff action needs a reason: missing or too short is a 400 naming the field. */
export function requireReason(body: unknown): string {
  return validate(reasonSchema, body).reason;
}
