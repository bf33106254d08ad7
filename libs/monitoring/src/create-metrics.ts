import { ConfigError } from '@dailies/config';
import { identityOf, MetricsIdentity, MonitoringConfig } from './monitoring.config';
import { MetricSink } from './metrics';
import { MetricsHub } from './metrics-hub';
import { DatadogSink } from './sinks/datadog-sink';
import { MemorySink } from './sinks/memory-sink';
import { PrometheusSink } from './sinks/prometheus-sink';
import { StatsdSink } from './sinks/statsd-sink';

/** Every metric name starts with this (`dailies.http.request.duration.p95`). */
export const METRICS_PREFIX = 'dailies.';

export class MetricsConfigError extends ConfigError {
  constructor(message: string) {
    super(message);
  }
}

/** The metrics of one process, with its sinks, from the configuration. */
export interface ProcessMetrics {
  hub: MetricsHub;
  identity: MetricsIdentity;
  memory?: MemorySink;
  prometheus?: PrometheusSink;
}

export function createMetrics(
  app: string,
  config: MonitoringConfig,
  onError: (error: unknown) => void = () => undefined,
): ProcessMetrics {
  const identity = identityOf(app, config);
  const defaultTags = { app: identity.app, instance: identity.instance };
  const sinks: MetricSink[] = [];
  let memory: MemorySink | undefined;
  switch (config.METRICS_SINK) {
    case 'datadog': {
      if (!config.DATADOG_API_KEY)
        throw new MetricsConfigError(
          'Invalid configuration:\n  DATADOG_API_KEY: required with METRICS_SINK=datadog',
        );
      sinks.push(
        new DatadogSink({
          apiUrl: config.DATADOG_API_URL ?? `https://api.${config.DATADOG_SITE}`,
          apiKey: config.DATADOG_API_KEY,
          prefix: METRICS_PREFIX,
          defaultTags,
          onError,
        }),
      );
      break;
    }
    case 'statsd':
      sinks.push(
        new StatsdSink({
          host: config.STATSD_HOST,
          port: config.STATSD_PORT,
          prefix: METRICS_PREFIX,
          defaultTags,
          onError,
        }),
      );
      break;
    case 'memory':
      memory = new MemorySink();
      sinks.push(memory);
      break;
  }
  const prometheus = config.METRICS_PROMETHEUS
    ? new PrometheusSink(METRICS_PREFIX, defaultTags)
    : undefined;
  if (prometheus) sinks.push(prometheus);
  return {
    hub: new MetricsHub(sinks, config.METRICS_FLUSH_INTERVAL_MS, onError),
    identity,
    memory,
    prometheus,
  };
}
