/** The GraphQL-over-HTTP response media type (4xx on request errors, no `data` before execution). */
export const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/**
 * Whether the client asked for application/graphql-response+json ahead of application/json
 * (by q-value, then order). `*\/*` or no Accept keeps application/json, which older clients
 * expect. A few lines rather than a negotiation library: only these two types matter here.
 */
export function prefersGraphqlResponse(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranked = accept
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { type, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter(
      (entry) => entry.q > 0 && [GRAPHQL_RESPONSE_TYPE, 'application/json'].includes(entry.type),
    )
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.type === GRAPHQL_RESPONSE_TYPE;
}
