import { envBool, envRedisUrl } from '@dailies/config';
import { z } from 'zod';

/** GraphQL's limits and its live updates. */
export const graphqlConfigSchema = z.object({
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(10_000_000).default(200_000),
  /** Unset: on, except in production. */
  GRAPHQL_INTROSPECTION: envBool.optional(),
  /** Unset: PostgreSQL LISTEN/NOTIFY carries live updates between instances. */
  GRAPHQL_PUBSUB_URL: envRedisUrl('PostgreSQL NOTIFY').optional(),
  GRAPHQL_KEEPALIVE_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Events one websocket may have waiting; beyond that the slow client is disconnected. */
  GRAPHQL_MAX_PENDING_EVENTS: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Subscriptions one websocket may have open at once. */
  GRAPHQL_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).max(1000).default(20),
  /** How long a new websocket may take to send connection_init (graphql-ws: 4408 after). */
  GRAPHQL_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
});
/** With NODE_ENV, which the process reads for everyone (introspection is off in production). */
export type GraphqlConfig = z.infer<typeof graphqlConfigSchema> & { NODE_ENV: string };
