import { prefersGraphqlResponse } from './media-type';

describe('prefersGraphqlResponse', () => {
  it('follows the Accept header between the two GraphQL media types', () => {
    expect(prefersGraphqlResponse('application/graphql-response+json')).toBe(true);
    expect(
      prefersGraphqlResponse('application/graphql-response+json, application/json;q=0.9'),
    ).toBe(true);
    expect(prefersGraphqlResponse('application/json, application/graphql-response+json')).toBe(
      false,
    );
    expect(
      prefersGraphqlResponse('application/json;q=0.5, application/graphql-response+json'),
    ).toBe(true);
    expect(prefersGraphqlResponse('*/*')).toBe(false);
    expect(prefersGraphqlResponse(undefined)).toBe(false);
  });
});
