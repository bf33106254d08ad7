import type { IncomingMessage } from 'node:http';
import cors from '@fastify/cors';
import { DynamicModule, Type } from '@nestjs/common';
import { ErrorAlerts } from '@dailies/alerting';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance, FastifyReply, FastifyRequest, LogController } from 'fastify';
import helmet from 'helmet';
import pino from 'pino';
import { v7 } from 'uuid';
import { LoadSheddingOptions, registerLoadShedding } from './load-shedding';
import { setUpOpenApi } from './openapi-document';
import { PinoNestLogger } from './pino-nest-logger';
import { clientErrorResponder, installHostileInputGuard, MAX_URL_BYTES } from './hostile-input';
import { createLogger } from './create-logger';
import { redactUrl } from './redaction';
import { contentSecurityPolicyFor, API_CSP } from './security-headers';
import { problemResponder, TransportErrorRoutes } from './transport-errors';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface HttpAppOptions {
  logLevel?: pino.LevelWithSilent;
  openApiDocs?: boolean;
  loadShedding?: LoadSheddingOptions;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; default none. */
  trustedProxies?: readonly string[];
  /** Browser origins allowed by CORS; default none. */
  corsOrigins?: readonly string[];
  /** Where log lines go (default stdout); tests capture them here. */
  logDestination?: pino.DestinationStream;
  /** The process' logger (createLogger); default: JSON lines at `logLevel` to `logDestination`. */
  logger?: pino.Logger;
}

const routesByApp = new WeakMap<object, string[]>();

/** Every route the app serves, as "METHOD /path/{param}" (for documentation and isolation tests). */
export function registeredRoutes(app: NestFastifyApplication): string[] {
  return [...(routesByApp.get(app) ?? [])];
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A Fastify-backed Nest app with Dailies' HTTP conventions (logs, request ids, limits, errors). */
export async function createHttpApp(
  rootModule: Type<unknown> | DynamicModule,
  options: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  let transportErrors: () => TransportErrorRoutes | undefined = () => undefined;
  // Secrets never reach the logs, whoever logs the request or its headers (createLogger redacts).
  const logger =
    options.logger ??
    createLogger({
      level: options.logLevel ?? 'info',
      format: 'json',
      destination: options.logDestination,
    });
  const trustedProxies = [...(options.trustedProxies ?? [])];
  const adapter = new FastifyAdapter({
    // Fastify's own info lines ("Server listening at …") would repeat the banner; requests are
    // logged by the onResponse hook below, warnings and errors still come through.
    loggerInstance: logger.child(
      {},
      { level: logger.levelVal > pino.levels.values.warn ? logger.level : 'warn' },
    ),
    // Our own onResponse hook logs requests (one line each, health checks left out).
    logController: new LogController({ disableRequestLogging: true }),
    allowErrorHandlerOverride: true,
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : v7();
    },
    // Long path parameters reach the handlers (404/400 in the transport's shape) instead of
    // Fastify's bare 414; the URL as a whole is capped by the hostile-input guard.
    // (Under routerOptions: the top-level option is deprecated and warned about at every start.)
    routerOptions: { maxParamLength: MAX_URL_BYTES },
    // Fastify's own refusals before routing (a URL that is not valid percent-encoded UTF-8).
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      (transportErrors()?.responderFor(request.url) ?? problemResponder)(error, request, reply),
    // Requests Node's parser refuses (headers over 16 KB) answer in the owning transport's shape.
    clientErrorHandler: clientErrorResponder(
      (url) => transportErrors()?.responderFor(url) ?? problemResponder,
    ),
    // request.ip (throttles, audit log) comes from X-Forwarded-For only when the socket's peer is
    // a configured proxy; otherwise any client could choose its IP with that header.
    trustProxy: trustedProxies.length ? trustedProxies : false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // Fastify's own JSON parser only: every other media type is refused with 415.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  transportErrors = () => {
    try {
      return app.get(TransportErrorRoutes, { strict: false });
    } catch {
      return undefined; // an app without HttpModule: the default shape
    }
  };
  const alerts = () => {
    try {
      return app.get(ErrorAlerts, { strict: false });
    } catch {
      return undefined; // an app without alerting
    }
  };
  configureFastify(fastify, logger, transportErrors, alerts);
  if (options.loadShedding) await registerLoadShedding(fastify, options.loadShedding);
  applySecurityHeaders(fastify);
  await app.register(cors as never, {
    // No configured origin: no CORS headers at all, so browsers keep the same-origin policy.
    origin: options.corsOrigins?.length ? [...options.corsOrigins] : false,
    credentials: false,
    maxAge: 600,
  });
  const routes: string[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routes.push(`${method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
  });
  routesByApp.set(app, routes);
  if (options.openApiDocs !== false) setUpOpenApi(app);
  return app;
}

/**
 * helmet's headers on every answer. Not through `@fastify/helmet`: its onRequest hook calls
 * `helmet(configuration)` for every request, building all of helmet's middlewares and parsing the
 * CSP directives each time (5–7 % of a warm GET's CPU in bench:api's profile, and garbage for the
 * collector). The middleware is built once here and applied the same way (raw response headers,
 * at onRequest), so the headers are exactly what the plugin set.
 */
function applySecurityHeaders(fastify: FastifyInstance): void {
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, () => done());
  });
}

function configureFastify(
  fastify: FastifyInstance,
  logger: pino.Logger,
  transportErrors: () => TransportErrorRoutes | undefined,
  alerts: () => ErrorAlerts | undefined,
): void {
  installHostileInputGuard(fastify);
  // JSON only: anything else is 415 (Fastify would otherwise accept text/plain as a string).
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-request-id', String(request.id));
    // Answers carry tokens or private data: no browser or proxy may keep them, unless the route
    // chose its own caching.
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    const csp = contentSecurityPolicyFor(request.url, reply.getHeader('content-type'));
    if (csp) void reply.header('content-security-policy', csp);
    return payload;
  });
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/health/')) return;
    logger.info(
      {
        requestId: request.id,
        method: request.method,
        // The route's template (`/v2/assets/:id`): requests group by it; ids stay in `url`.
        route: request.routeOptions.url,
        url: redactUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ip: request.ip,
      },
      'request',
    );
  });
  // Errors raised before a route handler runs (body parsing, limits) leave in the shape of the
  // transport that owns the URL (problem+json where none does).
  fastify.setErrorHandler((error, request: FastifyRequest, reply) => {
    (transportErrors()?.responderFor(request.url) ?? problemResponder)(error, request, reply);
    // A 500 from outside Nest's filters (a Fastify hook, a plugin): uncaught, like theirs.
    if (reply.statusCode === 500) alerts()?.report(error, 'http');
  });
}
