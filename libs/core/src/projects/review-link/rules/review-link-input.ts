import { z } from 'zod';

// Field rules shared by creating and changing review links.

export const reviewPasswordSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters');

/** An ISO-8601 time with an offset, in the future. */
export const reviewExpirySchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 time such as 2030-01-31T18:00:00Z' })
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() > Date.now(), 'must be in the future');
