import { defineEvent } from '@dailies/events';
import { z } from 'zod';

/** Dead-lettered deliveries of a consumer were given a fresh set of attempts. */
export class DeadLettersRedriven extends defineEvent(
  'operations.dead_letters_redriven',
  1,
  z.object({ consumer: z.string(), eventIds: z.array(z.string()).nullable(), count: z.number() }),
) {}

/** A consumer was scheduled to run again over the stored events of a time range. */
export class EventsReplayed extends defineEvent(
  'operations.events_replayed',
  1,
  z.object({ consumer: z.string(), from: z.string(), to: z.string(), count: z.number() }),
) {}

/** Dead letters of a scheduled job were sent back to it. */
export class JobDeadLettersRetried extends defineEvent(
  'operations.job_dead_letters_retried',
  1,
  z.object({ job: z.string(), ids: z.array(z.string()).nullable(), count: z.number() }),
) {}
