import { DomainError, DomainErrorCode, FeatureErrorCode, FieldError } from '@dailies/core';

/** RFC 9457 problem details, served as application/problem+json. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  requestId?: string;
  /** Why, machine-readable (the domain's feature error code), when the domain says. */
  code?: FeatureErrorCode;
  /** Not serialised: becomes the Retry-After header. */
  retryAfterSeconds?: number;
}

export const PROBLEM_TYPE_BASE = 'https://dailies.dev/problems/';

const byCode: Record<DomainErrorCode, { status: number; title: string }> = {
  validation_failed: { status: 400, title: 'Invalid request' },
  unauthenticated: { status: 401, title: 'Unauthenticated' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  gone: { status: 410, title: 'Gone' },
  rate_limited: { status: 429, title: 'Too many requests' },
  storage_limit_exceeded: { status: 409, title: 'Storage limit exceeded' },
};

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  431: 'Request header fields too large',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problemFromDomainError(error: DomainError): Problem {
  const { status, title } = byCode[error.code];
  const featureCode = error.featureCode;
  const slug = featureCode ?? error.code;
  return {
    type: `${PROBLEM_TYPE_BASE}${slug.replace(/_/g, '-')}`,
    title,
    status,
    detail: error.message,
    ...(featureCode ? { code: featureCode } : {}),
    ...(error.extra.fieldErrors ? { errors: error.extra.fieldErrors } : {}),
    ...(error.extra.retryAfterSeconds ? { retryAfterSeconds: error.extra.retryAfterSeconds } : {}),
  };
}

export function problemFromStatus(status: number, detail: string): Problem {
  const title = titles[status] ?? (status >= 500 ? 'Internal server error' : 'Bad request');
  return {
    type: `${PROBLEM_TYPE_BASE}${title.toLowerCase().replace(/ /g, '-')}`,
    title,
    status,
    detail,
  };
}
