import {
  conflict,
  DomainError,
  forbidden,
  notFound,
  unauthenticated,
  validationFailed,
} from '@dailies/core';
import { GraphQLError } from 'graphql';
import { formatGraphqlError, INTERNAL_MESSAGE, unwrapGraphqlErrors } from './error-codes';

const thrown = (error: unknown) =>
  new GraphQLError('wrapped', { originalError: error as Error, path: ['project'] });

describe('GraphQL error formatting', () => {
  it.each([
    [unauthenticated(), 'UNAUTHENTICATED'],
    [forbidden('Editors only'), 'FORBIDDEN'],
    [notFound('Project'), 'NOT_FOUND'],
    [conflict('Archived', 'project_archived'), 'CONFLICT'],
    [new DomainError('rate_limited', 'Slow down', { retryAfterSeconds: 30 }), 'RATE_LIMITED'],
    [new DomainError('storage_limit_exceeded', 'Full'), 'STORAGE_LIMIT_EXCEEDED'],
  ])('maps %s to %s', (error, code) => {
    const formatted = formatGraphqlError(thrown(error), 'req-1', () => undefined);
    expect(formatted.message).toBe(error.message);
    expect(formatted.extensions).toMatchObject({ code, requestId: 'req-1' });
    expect(formatted.path).toEqual(['project']);
  });

  it('carries the feature code of a refusal in extensions.featureCode', () => {
    const error = conflict('Only top-level comments can be completed', 'reply_not_completable');
    expect(formatGraphqlError(thrown(error), undefined, () => undefined).extensions).toEqual({
      code: 'CONFLICT',
      featureCode: 'reply_not_completable',
      reason: 'reply_not_completable',
    });
  });

  it('gives BAD_USER_INPUT with the invalid fields', () => {
    const error = validationFailed([{ field: 'text', message: 'must not be empty' }]);
    expect(formatGraphqlError(thrown(error), undefined, () => undefined).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'text', message: 'must not be empty' }],
    });
  });

  it('hides anything unexpected behind INTERNAL_SERVER_ERROR and reports it', () => {
    const reported: unknown[] = [];
    const bug = new TypeError('cannot read x of undefined');
    const formatted = formatGraphqlError(thrown(bug), 'req-2', (e) => reported.push(e));
    expect(formatted).toEqual({
      message: INTERNAL_MESSAGE,
      path: ['project'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-2' },
    });
    expect(JSON.stringify(formatted)).not.toContain('cannot read');
    expect(reported).toEqual([bug]);
  });

  it('answers malformed requests refused by the framework as BAD_REQUEST, unreported', () => {
    const reported: unknown[] = [];
    const refused = Object.assign(new Error('Unknown query'), { statusCode: 400 });
    const formatted = formatGraphqlError(
      new GraphQLError(refused.message, { originalError: refused }),
      'req-3',
      (e) => reported.push(e),
    );
    expect(formatted).toEqual({
      message: 'Unknown query',
      extensions: { code: 'BAD_REQUEST', requestId: 'req-3' },
    });
    expect(reported).toEqual([]);
  });

  it('strips field suggestions when asked (introspection off)', () => {
    const error = new GraphQLError('Cannot query field "mee" on type "Query". Did you mean "me"?');
    expect(formatGraphqlError(error, undefined, () => undefined).message).toContain('Did you mean');
    expect(
      formatGraphqlError(error, undefined, () => undefined, { hideSuggestions: true }).message,
    ).toBe('Cannot query field "mee" on type "Query".');
  });

  it('unwraps the validation errors Mercurius wraps into one', () => {
    const inner = [new GraphQLError('too deep', { extensions: { code: 'QUERY_TOO_DEEP' } })];
    const wrapper = new GraphQLError('Graphql validation error', {
      originalError: Object.assign(new Error('Graphql validation error'), { errors: inner }),
    });
    expect(unwrapGraphqlErrors([wrapper])).toEqual(inner);
  });
});
