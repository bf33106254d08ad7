import { DomainError, DomainErrorCode } from '@dailies/core';
import { isDatabaseBusyError, isDatabaseUnavailableError } from '@dailies/db';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

/** The domain's error codes as GraphQL `extensions.code` values. */
export const GRAPHQL_CODES: Record<DomainErrorCode, string> = {
  validation_failed: 'BAD_USER_INPUT',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  gone: 'GONE',
  rate_limited: 'RATE_LIMITED',
  storage_limit_exceeded: 'STORAGE_LIMIT_EXCEEDED',
};

export const INTERNAL_MESSAGE = 'Something went wrong on our side; the request id helps support';

/**
 * Mercurius reports a refused document (syntax, validation, our limits) as one wrapper error
 * holding graphql-js' errors: clients get those.
 */
export function unwrapGraphqlErrors(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.flatMap((error) => {
    const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(inner) && inner.every((e) => e instanceof GraphQLError)
      ? (inner as GraphQLError[])
      : [error];
  });
}

/** Finds the error a resolver threw under graphql-js' and mercurius' wrappers. */
function rootCause(error: GraphQLError): unknown {
  let cause: unknown = error.originalError;
  for (let i = 0; i < 5 && cause instanceof GraphQLError && cause.originalError; i++) {
    cause = cause.originalError;
  }
  return cause;
}

/**
 * One GraphQL error as clients see it: the domain's message and code (with the invalid fields,
 * the retry delay or the conflict's reason), never a stack trace; anything unexpected is
 * INTERNAL_SERVER_ERROR with a fixed message (and is logged by `report`).
 */
export function formatGraphqlError(
  error: GraphQLError,
  requestId: string | undefined,
  report: (error: unknown) => void,
  options: { hideSuggestions?: boolean } = {},
): GraphQLFormattedError {
  const cause = rootCause(error);
  const base = {
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
  if (cause instanceof DomainError) {
    const { fieldErrors, retryAfterSeconds, featureCode } = cause.extra;
    return {
      message: cause.message,
      ...base,
      extensions: {
        code: GRAPHQL_CODES[cause.code],
        ...(fieldErrors ? { fields: fieldErrors } : {}),
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        // `reason` kept for clients written before `featureCode` existed.
        ...(featureCode ? { featureCode, reason: featureCode } : {}),
        ...(requestId ? { requestId } : {}),
      },
    };
  }
  if (cause === undefined || cause === null) {
    // Raised by graphql-js itself (syntax, validation, limits, variables): safe to show.
    const code =
      typeof error.extensions?.code === 'string'
        ? error.extensions.code
        : 'GRAPHQL_VALIDATION_FAILED';
    // Without introspection, "Did you mean …" would leak the schema one guess at a time.
    const message = options.hideSuggestions
      ? error.message.replace(/ ?Did you mean .*$/s, '')
      : error.message;
    return { message, ...base, extensions: { ...error.extensions, code } };
  }
  const clientStatus = (cause as { statusCode?: unknown }).statusCode;
  if (typeof clientStatus === 'number' && clientStatus >= 400 && clientStatus < 500) {
    // A malformed request refused by Fastify or Mercurius (body not JSON, no query, bad
    // variables): the client's mistake, with the framework's message — not logged as an error.
    return {
      message: (cause as { message?: string }).message || 'Bad request',
      ...base,
      extensions: { code: 'BAD_REQUEST', ...(requestId ? { requestId } : {}) },
    };
  }
  report(cause);
  if (isDatabaseUnavailableError(cause) || isDatabaseBusyError(cause)) {
    return {
      message: 'The service cannot reach its database right now; nothing was changed. Try again.',
      ...base,
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        retryAfterSeconds: 5,
        ...(requestId ? { requestId } : {}),
      },
    };
  }
  return {
    message: INTERNAL_MESSAGE,
    ...base,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}

/** A domain error as a GraphQLError with its code (for paths that skip the formatter). */
export function asGraphqlError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const formatted = formatGraphqlError(
    new GraphQLError(error.message, { originalError: error }),
    undefined,
    () => undefined,
  );
  return new GraphQLError(formatted.message, { extensions: formatted.extensions });
}
