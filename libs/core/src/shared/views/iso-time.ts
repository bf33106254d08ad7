import { z } from 'zod';

/** An ISO-8601 UTC time as views serialise it (`Date#toISOString`), documented as date-time. */
export const isoTime = z.string().meta({ format: 'date-time' });
