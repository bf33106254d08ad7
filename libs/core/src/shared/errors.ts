/**
 * Errors a caller can cause, with a code the transports map to HTTP statuses / GraphQL codes.
 * Anything else that escapes a handler is a bug and is reported as a 500 without details.
 */
export type DomainErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'rate_limited'
  | 'storage_limit_exceeded';

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly extra: {
      fieldErrors?: FieldError[];
      retryAfterSeconds?: number;
      reason?: string;
    } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string, reason?: string) =>
  new DomainError('conflict', message, { reason });
export const unauthenticated = (message = 'Authentication required') =>
  new DomainError('unauthenticated', message);
export const validationFailed = (
  fieldErrors: FieldError[],
  message = 'The request has invalid fields',
) => new DomainError('validation_failed', message, { fieldErrors });
