import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import type { Problem } from './problem';
import { schemaRef } from './openapi-schemas';

/** RFC 9457 problem details as every error leaves (see problem-details.filter.ts). */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'A URI naming the kind of problem' }),
    title: z.string(),
    status: z.int(),
    detail: z.string().meta({ description: 'What went wrong and what to fix' }),
    instance: z.string().optional().meta({ description: 'The path that was requested' }),
    requestId: z.string().optional().meta({ description: 'Also in the X-Request-Id header' }),
    code: z
      .string()
      .optional()
      .meta({
        description:
          'Why, machine-readable, when the domain says (e.g. `project_archived`, `move_into_self`): ' +
          'branch on this, not on `detail`',
      }),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'Invalid input only: each field to fix' }),
  })
  .meta({ id: 'Problem', description: 'An error (application/problem+json, RFC 9457)' });

// The documented shape is the one the filter sends (Retry-After travels as a header; `code` is
// documented as a string so that a new feature code does not change the document's schema).
type Sent = Omit<Problem, 'retryAfterSeconds' | 'code'> & { code?: string };
type Documented = z.infer<typeof problemSchema>;
const sameShape: [Sent, Documented] extends [Documented, Sent] ? true : never = true;
void sameShape;

export const REQUEST_ID_HEADER = 'X-Request-Id';
export const RETRY_AFTER_HEADER = 'Retry-After';

/** The response headers the document names once and refers to. */
export const headerComponents = {
  [REQUEST_ID_HEADER]: {
    description: 'The request id (yours if you sent a valid one); quote it to support',
    schema: { type: 'string' },
  },
  [RETRY_AFTER_HEADER]: {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', minimum: 1 },
  },
};

/** Every problem answer the API gives, by status: its component name and description. */
export const problemAnswers: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'Invalid input: `errors` lists each field to fix' },
  401: { name: 'Unauthenticated', description: 'Missing, invalid or expired credentials' },
  403: { name: 'Forbidden', description: 'Visible, but your role may not do this' },
  404: { name: 'NotFound', description: 'Not found (or not visible to you)' },
  409: { name: 'Conflict', description: 'Conflicts with the current state' },
  410: { name: 'Gone', description: 'No longer available' },
  413: { name: 'PayloadTooLarge', description: 'Body larger than 1 MB' },
  415: {
    name: 'UnsupportedMediaType',
    description: 'Body is not JSON (send Content-Type: application/json)',
  },
  429: { name: 'TooManyRequests', description: 'Too many attempts; wait Retry-After seconds' },
  503: {
    name: 'ServiceUnavailable',
    description: 'Busy for a moment; nothing was changed. Try again after Retry-After seconds',
  },
};

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** The named answers (`components.responses`): problem+json, Retry-After where it is sent. */
export function problemResponseComponents() {
  const schema = schemaRef(problemSchema);
  return Object.fromEntries(
    Object.entries(problemAnswers).map(([status, { name, description }]) => [
      name,
      {
        description,
        headers: {
          [REQUEST_ID_HEADER]: headerRef(REQUEST_ID_HEADER),
          ...(status === '429' || status === '503'
            ? { [RETRY_AFTER_HEADER]: headerRef(RETRY_AFTER_HEADER) }
            : {}),
        },
        content: { 'application/problem+json': { schema } },
      },
    ]),
  );
}

/** A reference to the named problem answer of a status. */
export function problemResponseRef(status: number): { $ref: string } {
  const answer = problemAnswers[status];
  if (!answer) throw new Error(`No problem answer is documented for status ${status}`);
  return { $ref: `#/components/responses/${answer.name}` };
}

/** The problem+json answers a route can give (413/415/503 are added for every route that can). */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, ...problemResponseRef(status) })),
  );
}
