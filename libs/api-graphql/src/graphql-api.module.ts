import { Logger, Module } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { APP_CONFIG, ReadsConfig } from '@dailies/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { v7 } from 'uuid';
import type { WebSocket } from 'ws';
import { Principal } from '@dailies/core';
import { GraphqlReadHandlers } from '@dailies/read-models-graphql';
import { GraphqlAuth, GraphqlAuthModule } from './auth';
import { GraphqlConfig, graphqlConfigSchema } from './graphql.config';
import { actorOf, GraphqlContext } from './context';
import { formatGraphqlError, unwrapGraphqlErrors } from './errors/error-codes';
import { costLimitRule, depthLimitRule } from './limits/query-limits';
import { RequestLoaders } from './loaders/request-loaders';
import { GRAPHQL_RESOLVERS } from './resolvers';
import { Bus } from './resolvers/bus';
import { LiveModule } from './live/live.module';
import { LiveSockets } from './live/websocket-shutdown';

export const GRAPHQL_PATH = '/graphql';

/** Whether the schema may be introspected: GRAPHQL_INTROSPECTION, else off in production. */
export const introspectionEnabled = (config: GraphqlConfig): boolean =>
  config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production';

/**
 * GraphQL at /graphql (Mercurius on the Fastify app): a thin transport over the same queries,
 * commands and policies as /v2, with request-scoped DataLoaders, coded errors and abuse limits.
 */
@Module({
  imports: [
    LiveModule,
    GraphqlAuthModule,
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      inject: [APP_CONFIG, GraphqlAuth, QueryBus, LiveSockets],
      imports: [GraphqlAuthModule],
      useFactory: (
        config: GraphqlConfig,
        auth: GraphqlAuth,
        queries: QueryBus,
        sockets: LiveSockets,
      ) => {
        const log = new Logger('graphql');
        return {
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: false,
          jit: 0,
          validationRules: [
            depthLimitRule(config.GRAPHQL_MAX_DEPTH),
            costLimitRule(config.GRAPHQL_MAX_COST),
            ...(introspectionEnabled(config) ? [] : [NoSchemaIntrospectionCustomRule]),
          ],
          context: (request: FastifyRequest, _reply: FastifyReply): GraphqlContext =>
            httpContext(request, auth, queries),
          subscription: {
            keepAlive: config.GRAPHQL_KEEPALIVE_MS,
            context: (socket: WebSocket) => {
              sockets.track(socket);
              return { liveSocket: socket };
            },
            // The token comes in connectionParams; without a valid one the socket is refused.
            onConnect: async ({ payload }: { payload?: unknown }) => {
              const principal = await auth.fromConnectionParams(payload);
              if (!principal) return false;
              // Asked again whenever the user's sessions may have ended (SESSION_EVENTS).
              const stillValid = () =>
                auth.fromConnectionParams(payload).then(
                  (again) => again !== null,
                  () => false,
                );
              return { ...socketContext(principal, queries), credentialsStillValid: stillValid };
            },
          },
          errorFormatter: (execution, context) => {
            const requestId = (context as { reply?: { request?: { id?: unknown } } }).reply?.request
              ?.id;
            const errors = unwrapGraphqlErrors(execution.errors ?? []).map((error) =>
              formatGraphqlError(error, requestId ? String(requestId) : undefined, (cause) =>
                log.error({ err: cause, requestId }, 'unhandled GraphQL error'),
              ),
            );
            // GraphQL over HTTP: 200 when there is data; 400 when nothing could run.
            const statusCode = execution.data !== undefined && execution.data !== null ? 200 : 400;
            return { statusCode, response: { data: execution.data ?? null, errors } };
          },
        };
      },
    }),
  ],
  providers: [Bus, ...GRAPHQL_RESOLVERS, ...GraphqlReadHandlers],
})
@ReadsConfig(graphqlConfigSchema)
export class GraphqlModule {}

function httpContext(
  request: FastifyRequest,
  auth: GraphqlAuth,
  queries: QueryBus,
): GraphqlContext {
  let principal: ReturnType<GraphqlAuth['fromHeader']> | undefined;
  const context: GraphqlContext = {
    requestId: String(request.id),
    ip: request.ip ?? null,
    principal: () => (principal ??= auth.fromHeader(request.headers.authorization)),
    loaders: undefined as unknown as RequestLoaders,
  };
  context.loaders = new RequestLoaders(queries, () => actorOf(context));
  return context;
}

/** A websocket's context: authenticated once; its loaders batch but never cache (events). */
function socketContext(principal: Principal, queries: QueryBus): GraphqlContext {
  const context: GraphqlContext = {
    requestId: v7(),
    ip: null,
    principal: () => Promise.resolve(principal),
    loaders: undefined as unknown as RequestLoaders,
  };
  context.loaders = new RequestLoaders(queries, () => actorOf(context), false);
  return context;
}
