import type { FastifyInstance } from 'fastify';
import { METRICS_PREFIX, ProcessMetrics } from '../create-metrics';

export const METRICS_PATH = '/metrics';

/**
 * GET /metrics: Prometheus' exposition (METRICS_PROMETHEUS=true), else — in development, with no
 * sink configured — the in-memory metrics in the same text form. Neither: no route.
 */
export function serveMetrics(
  fastify: FastifyInstance,
  metrics: ProcessMetrics,
  development: boolean,
): boolean {
  const { prometheus, memory, hub, identity } = metrics;
  if (prometheus) {
    fastify.get(METRICS_PATH, async (_request, reply) => {
      await hub.collect();
      return reply.type(prometheus.registry.contentType).send(await prometheus.registry.metrics());
    });
    return true;
  }
  if (memory && development) {
    fastify.get(METRICS_PATH, async (_request, reply) => {
      await hub.collect();
      return reply
        .type('text/plain; charset=utf-8')
        .send(memory.render(METRICS_PREFIX, { app: identity.app, instance: identity.instance }));
    });
    return true;
  }
  return false;
}
