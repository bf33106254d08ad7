import type { Pool } from 'pg';
import { Metrics } from '@dailies/monitoring';

/** A `pg` pool's connections at this moment: in use, idle, and requests waiting for one. */
export function poolMetricsCollector(pools: Record<string, Pool>) {
  return (metrics: Metrics): void => {
    for (const [name, pool] of Object.entries(pools)) {
      const tags = { pool: name };
      metrics.gauge('db.pool.in_use', pool.totalCount - pool.idleCount, tags);
      metrics.gauge('db.pool.idle', pool.idleCount, tags);
      metrics.gauge('db.pool.waiting', pool.waitingCount, tags);
      metrics.gauge('db.pool.total', pool.totalCount, tags);
    }
  };
}
