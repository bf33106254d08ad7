import { conflict, DomainError, notFound } from '@dailies/core';
import { problemFromDomainError } from './problem';

describe('problemFromDomainError', () => {
  it('carries the feature code as `code` and names the problem type after it', () => {
    const problem = problemFromDomainError(
      conflict('The project is archived; unarchive it to make changes', 'project_archived'),
    );
    expect(problem).toMatchObject({
      status: 409,
      title: 'Conflict',
      code: 'project_archived',
      type: 'https://dailies.dev/problems/project-archived',
    });
  });

  it('keeps the status of the domain code whatever the feature code', () => {
    const gone = new DomainError('gone', 'This review link has expired', {
      featureCode: 'review_link_expired',
    });
    expect(problemFromDomainError(gone)).toMatchObject({
      status: 410,
      code: 'review_link_expired',
    });
  });

  it('has no `code` member when the domain gives no feature code', () => {
    const problem = problemFromDomainError(notFound('Asset'));
    expect(problem).not.toHaveProperty('code');
    expect(problem.type).toBe('https://dailies.dev/problems/not-found');
  });
});
