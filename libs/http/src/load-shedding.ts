import underPressure from '@fastify/under-pressure';
import { ServiceUnavailableException } from '@nestjs/common';
import { FastifyInstance } from 'fastify';

export interface LoadSheddingOptions {
  /** Shed new requests while the event loop's delay exceeds this (ms); 0 turns shedding off. */
  maxEventLoopDelayMs: number;
  /** Retry-After sent with the 503 (seconds). */
  retryAfterSeconds: number;
}

/** A 503 the transports map to their own error shape (problem+json, legacy /v1, GraphQL). */
export class ServerOverloadedError extends ServiceUnavailableException {
  constructor() {
    super('The server is overloaded right now; nothing was done. Retry after Retry-After seconds.');
  }
}

/**
 * Load shedding in the spirit of bounded executor pools: when the event loop falls behind by more
 * than the configured delay, new requests are refused at once with 503 + Retry-After instead of
 * queueing without bound (each queued request would only make every other one slower). Health
 * checks are always answered, so an orchestrator sees a busy instance as alive, not dead.
 * `@fastify/under-pressure` samples the delay with `monitorEventLoopDelay`.
 */
export async function registerLoadShedding(
  fastify: FastifyInstance,
  options: LoadSheddingOptions,
): Promise<void> {
  if (options.maxEventLoopDelayMs <= 0) return;
  await fastify.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs,
    sampleInterval: 100,
    // Async: a rejection reaches next(error), so each transport answers in its own error shape.
    pressureHandler: async (request, reply, _type, delayMs) => {
      if (request.url.startsWith('/health/')) return; // answered whatever the load
      // under-pressure reports Infinity when its histogram caught no sample in the last interval
      // (seen right after a long start-up, on an idle loop): no evidence of lag, so serve.
      if (delayMs === undefined || !Number.isFinite(delayMs)) return;
      void reply.header('retry-after', String(options.retryAfterSeconds));
      throw new ServerOverloadedError();
    },
  });
}
