import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ErrorAlerts } from '@dailies/alerting';
import { isDatabaseBusyError, isDatabaseUnavailableError } from '@dailies/db';
import { HttpAdapterHost } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { APP_CONFIG, ReadsConfig } from '@dailies/config';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, ValidationContext } from 'graphql';
import { v7 } from 'uuid';
import type { WebSocket } from 'ws';
import { Principal } from '@dailies/core';
import { GraphqlReadHandlers } from '@dailies/read-models-graphql';
import { GraphqlAuth, GraphqlAuthModule } from './auth';
import { GraphqlConfig, graphqlConfigSchema } from './graphql.config';
import { actorOf, GraphqlContext } from './context';
import { formatGraphqlError, unwrapGraphqlErrors } from './errors/error-codes';
import {
  costLimitRule,
  depthLimitRule,
  DOCUMENT_LIMITS,
  fragmentSpreadLimitRule,
} from './limits/query-limits';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { RequestLoaders } from './loaders/request-loaders';
import { GRAPHQL_RESOLVERS } from './resolvers';
import { Bus } from './resolvers/bus';
import { LiveModule } from './live/live.module';
import { LiveSockets } from './live/websocket-shutdown';
import {
  admitSubscription,
  closeRefusedInitWith4403,
  markInitialised,
  requireInitWithin,
} from './live/socket-guard';
import { GRAPHQL_RESPONSE_TYPE, prefersGraphqlResponse } from './http/media-type';
import { Metrics } from '@dailies/monitoring';
import { GraphqlMetrics } from './metrics/graphql-metrics';

export const GRAPHQL_PATH = '/graphql';

const reportArmorRejection = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
};

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
      inject: [
        APP_CONFIG,
        GraphqlAuth,
        QueryBus,
        LiveSockets,
        Metrics,
        { token: ErrorAlerts, optional: true },
      ],
      imports: [GraphqlAuthModule],
      useFactory: (
        config: GraphqlConfig,
        auth: GraphqlAuth,
        queries: QueryBus,
        sockets: LiveSockets,
        metrics: Metrics,
        alerts: ErrorAlerts | undefined,
      ) => {
        const log = new Logger('graphql');
        const graphqlMetrics = new GraphqlMetrics(metrics);
        return {
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          // The GraphiQL page at /graphiql: never in production (it needs introspection).
          graphiql: config.NODE_ENV !== 'production' && introspectionEnabled(config),
          jit: 0,
          validationRules: [
            depthLimitRule(config.GRAPHQL_MAX_DEPTH),
            costLimitRule(config.GRAPHQL_MAX_COST),
            fragmentSpreadLimitRule(DOCUMENT_LIMITS.maxFragmentSpreads),
            // graphql-armor throws by default (an unhandled error); reported instead, as a
            // validation error like the others.
            maxAliasesRule({ n: DOCUMENT_LIMITS.maxAliases, ...reportArmorRejection }),
            maxDirectivesRule({ n: DOCUMENT_LIMITS.maxDirectives, ...reportArmorRejection }),
            ...(introspectionEnabled(config) ? [] : [NoSchemaIntrospectionCustomRule]),
          ],
          hooks: {
            preSubscriptionParsing: async (_schema, _source, context, id) => {
              const live = context as unknown as GraphqlContext & { liveSocket?: WebSocket };
              admitSubscription(live.subscriptions, String(id), config.GRAPHQL_MAX_SUBSCRIPTIONS);
              graphqlMetrics.subscriptionsOf(live.liveSocket, live.subscriptions);
            },
            onSubscriptionEnd: async (context, id) => {
              (context as unknown as GraphqlContext).subscriptions?.ids.delete(String(id));
            },
            preExecution: async (_schema, document, context) => {
              const body = (context as { reply?: { request?: { body?: unknown } } }).reply?.request
                ?.body as { operationName?: unknown } | undefined;
              graphqlMetrics.executionStarts(document, context, body?.operationName);
            },
            onResolution: async (execution, context) => {
              graphqlMetrics.executionEnds(execution, context);
            },
            // graphql-js' own token cap, before Mercurius parses (and caches) the document.
            preParsing: async (_schema, source) => {
              try {
                parse(source, { maxTokens: DOCUMENT_LIMITS.maxTokens });
              } catch (error) {
                throw Object.assign(new Error((error as Error).message), { statusCode: 400 });
              }
            },
          },
          context: (request: FastifyRequest, _reply: FastifyReply): GraphqlContext =>
            httpContext(request, auth, queries),
          subscription: {
            keepAlive: config.GRAPHQL_KEEPALIVE_MS,
            context: (socket: WebSocket) => {
              sockets.track(socket);
              graphqlMetrics.socketOpened(socket);
              closeRefusedInitWith4403(socket);
              markInitialised(socket);
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
              formatGraphqlError(
                error,
                requestId ? String(requestId) : undefined,
                (cause) => {
                  log.error({ err: cause, requestId }, 'unhandled GraphQL error');
                  if (!isDatabaseUnavailableError(cause) && !isDatabaseBusyError(cause))
                    alerts?.report(cause, 'graphql');
                },
                { hideSuggestions: !introspectionEnabled(config) },
              ),
            );
            // GraphQL over HTTP: 200 when there is data; 400 when nothing could run; 503 with
            // Retry-After when nothing ran because the database is unavailable (as /v2 and /v1).
            // With application/graphql-response+json, a request that never ran has no `data`.
            const ran = execution.data !== undefined && execution.data !== null;
            const unavailable = errors.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
            const reply = (
              context as {
                reply?: { request?: FastifyRequest; header(name: string, value: string): unknown };
              }
            ).reply;
            const statusCode = ran ? 200 : unavailable ? 503 : 400;
            if (statusCode === 503)
              reply?.header('retry-after', String(unavailable?.extensions?.retryAfterSeconds ?? 5));
            if (!ran && prefersGraphqlResponse(reply?.request?.headers.accept))
              return { statusCode, response: { errors } };
            return { statusCode, response: { data: execution.data ?? null, errors } };
          },
        };
      },
    }),
  ],
  providers: [Bus, ...GRAPHQL_RESOLVERS, ...GraphqlReadHandlers],
})
@ReadsConfig(graphqlConfigSchema)
export class GraphqlModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: GraphqlConfig,
  ) {}

  onModuleInit(): void {
    // Runs before Mercurius' plugin loads (at app init), so the hook reaches its routes.
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Mercurius sets no connection_init timer and its routes are in place by now (hooks still
    // apply): an upgrade to /graphql starts one on the connection's socket.
    fastify.addHook('onRequest', async (request: FastifyRequest) => {
      if (request.url.split('?')[0] === GRAPHQL_PATH && request.headers.upgrade)
        requireInitWithin(request.raw.socket, this.config.GRAPHQL_INIT_TIMEOUT_MS);
    });
    fastify.addHook('preValidation', async (request: FastifyRequest) => {
      // GraphQL over HTTP allows `"extensions": null`; Mercurius' body schema does not.
      const body = request.body as Record<string, unknown> | null | undefined;
      if (
        request.method === 'POST' &&
        request.url.split('?')[0] === GRAPHQL_PATH &&
        body &&
        typeof body === 'object' &&
        body.extensions === null
      )
        delete body.extensions;
    });
    fastify.addHook('onSend', async (request: FastifyRequest, reply, payload) => {
      if (
        request.url.split('?')[0] === GRAPHQL_PATH &&
        prefersGraphqlResponse(request.headers.accept) &&
        String(reply.getHeader('content-type') ?? '').startsWith('application/json')
      )
        void reply.header('content-type', `${GRAPHQL_RESPONSE_TYPE}; charset=utf-8`);
      return payload;
    });
  }
}

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
    subscriptions: { ids: new Set() },
  };
  context.loaders = new RequestLoaders(queries, () => actorOf(context), false);
  return context;
}
