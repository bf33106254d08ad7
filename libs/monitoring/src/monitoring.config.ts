import os from 'node:os';
import { envBool } from '@dailies/config';
import { z } from 'zod';

/** Where metrics go, and how often. Every process (apps, the cron worker, Dynasaur) reads these. */
export const monitoringConfigSchema = z.object({
  /** `memory` (default: kept in the process, a /metrics page in development), `datadog`, `statsd`. */
  METRICS_SINK: z.enum(['memory', 'datadog', 'statsd']).default('memory'),
  /** How often buffered metrics are aggregated and sent (and gauges are read). */
  METRICS_FLUSH_INTERVAL_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  /** The `instance` tag of every metric (default: the host name, a pod's name on Kubernetes). */
  METRICS_INSTANCE: z.string().min(1).optional(),
  /** Also serve the metrics in Prometheus' format at GET /metrics (prom-client). */
  METRICS_PROMETHEUS: envBool.default(false),
  /** Required with METRICS_SINK=datadog. */
  DATADOG_API_KEY: z.string().min(1).optional(),
  /** The Datadog site (datadoghq.com, datadoghq.eu, us5.datadoghq.com, …). */
  DATADOG_SITE: z
    .string()
    .regex(/^[a-z0-9.-]+$/, 'must be a Datadog site such as datadoghq.com or datadoghq.eu')
    .default('datadoghq.com'),
  /** The series API's base URL, overriding the site (a proxy, or a local intake in tests). */
  DATADOG_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  STATSD_HOST: z.string().min(1).default('127.0.0.1'),
  STATSD_PORT: z.coerce.number().int().min(1).max(65_535).default(8125),
});
export type MonitoringConfig = z.infer<typeof monitoringConfigSchema>;

/** The tags every metric of a process carries. */
export interface MetricsIdentity {
  /** core-api, munger, support-tool, cron, platform, dynasaur… */
  app: string;
  instance: string;
}

export function identityOf(app: string, config: Pick<MonitoringConfig, 'METRICS_INSTANCE'>) {
  return { app, instance: config.METRICS_INSTANCE ?? os.hostname() } satisfies MetricsIdentity;
}
