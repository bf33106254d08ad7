import type { FeatureErrorCode } from './feature-error-code';

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
      /** Why, for clients to branch on (problem+json `code`, GraphQL `featureCode`). */
      featureCode?: FeatureErrorCode;
    } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get featureCode(): FeatureErrorCode | undefined {
    return this.extra.featureCode;
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (message: string) => new DomainError('forbidden', message);
/** A refusal because of the current state; the feature code is required (clients branch on it). */
export const conflict = (message: string, featureCode: FeatureErrorCode) =>
  new DomainError('conflict', message, { featureCode });
export const unauthenticated = (message = 'Authentication required') =>
  new DomainError('unauthenticated', message);
export const validationFailed = (
  fieldErrors: FieldError[],
  message = 'The request has invalid fields',
) => new DomainError('validation_failed', message, { fieldErrors });
