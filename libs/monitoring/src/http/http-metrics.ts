import type { FastifyInstance } from 'fastify';
import { Metrics } from '../metrics';

/**
 * One histogram sample per HTTP response, tagged by method, route template (Fastify's
 * `routeOptions.url`, e.g. `/v2/assets/:id` — never the raw URL, so tags stay few) and status
 * class. Unknown paths share the route `unmatched`. Cost on the hot path: one map update.
 */
export function recordHttpMetrics(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.histogram('http.request.duration', reply.elapsedTime, {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status_class: `${Math.floor(reply.statusCode / 100)}xx`,
    });
    done();
  });
}
