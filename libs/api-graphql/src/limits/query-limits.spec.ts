import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { costLimitRule, depthLimitRule } from './query-limits';

const schema = buildSchema(`
  type Query { project(id: ID!): Project }
  type Project { name: String rootAsset: Asset }
  type Asset { name: String children(first: Int): AssetConnection comments(first: Int): CommentConnection }
  type AssetConnection { edges: [AssetEdge] }
  type AssetEdge { node: Asset }
  type CommentConnection { edges: [CommentEdge] }
  type CommentEdge { node: Comment }
  type Comment { text: String replies: [Comment] }
`);

const codes = (query: string, rules: ReturnType<typeof depthLimitRule>[]) =>
  validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.extensions.code);

/** ~1 KB: each of 17 fragments spreads the next 4 times (4^16 paths when re-walked). */
function fragmentFanOut(type = 'Query', fragments = 17): string {
  const parts = [`{ ...F0 }`];
  for (let i = 0; i < fragments; i += 1)
    parts.push(
      `fragment F${i} on ${type} { __typename ${i + 1 < fragments ? `...F${i + 1} `.repeat(4) : ''}}`,
    );
  return parts.join('\n');
}

describe('query limits', () => {
  it('costs each fragment once: a fragment fan-out is refused at once, not re-walked', () => {
    const document = fragmentFanOut();
    expect(document.length).toBeLessThan(1100);
    const started = performance.now();
    expect(codes(document, [depthLimitRule(12), costLimitRule(200_000)])).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses a query deeper than the limit, counting fragments', () => {
    const query = `{ project(id: "1") { rootAsset { ...A } } } fragment A on Asset { children { edges { node { name } } } }`;
    expect(codes(query, [depthLimitRule(6)])).toEqual([]);
    expect(codes(query, [depthLimitRule(5)])).toEqual(['QUERY_TOO_DEEP']);
  });

  it('multiplies nested list sizes: 50 assets × 10 comments fit, 100 × 100 × 100 do not', () => {
    const review = `{ project(id: "1") { rootAsset { children(first: 50) { edges { node {
      comments(first: 10) { edges { node { text replies { text } } } } } } } } } }`;
    expect(codes(review, [costLimitRule(200_000)])).toEqual([]);
    expect(codes(review, [costLimitRule(1_000)])).toEqual(['QUERY_TOO_COMPLEX']);
    const huge = `{ project(id: "1") { rootAsset { children(first: 100) { edges { node {
      children(first: 100) { edges { node { comments(first: 100) { edges { node { text } } } } } } } } } } } }`;
    expect(codes(huge, [costLimitRule(200_000)])).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('counts a list without `first` as the default page and `first: $var` as the maximum', () => {
    const byDefault = `{ project(id: "1") { rootAsset { children { edges { node { name } } } } } }`;
    const byVariable = `query($n: Int) { project(id: "1") { rootAsset { children(first: $n) { edges { node { name } } } } } }`;
    // 50 × (edges 1 + node 1 + name 1) + rootAsset + children + project ≈ 150; 100 × 3 ≈ 300.
    expect(codes(byDefault, [costLimitRule(160)])).toEqual([]);
    expect(codes(byVariable, [costLimitRule(160)])).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
