import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { costLimitRule, depthLimitRule } from './query-limits';

const schema = buildSchema('type Query { me: String }');

describe('query limits and introspection', () => {
  it('let the standard introspection query of graphql-js pass with the default limits', () => {
    for (const options of [
      {},
      {
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      },
    ]) {
      const errors = validate(schema, parse(getIntrospectionQuery(options)), [
        ...specifiedRules,
        depthLimitRule(12),
        costLimitRule(200_000),
      ]);
      expect(errors.map((e) => e.message)).toEqual([]);
    }
  });

  it('still bound introspection nesting', () => {
    const deep = `{ __type(name: "Query") { ${'ofType { '.repeat(25)} name ${'} '.repeat(25)} } }`;
    const errors = validate(schema, parse(deep), [depthLimitRule(12)]);
    expect(errors.map((e) => e.extensions.code)).toEqual(['QUERY_TOO_DEEP']);
  });
});
