// Everything but the Nest module: for processes without Nest (Dynasaur), which must not load
// @nestjs/core (a second of start-up and ~50 MB) to report metrics.
export * from './bounded-histogram';
export * from './create-metrics';
export * from './cumulative-counter';
export * from './metric-catalogue';
export * from './metrics';
export * from './metrics-hub';
export * from './monitoring.config';
export { watchProcess } from './collectors/process-collector';
export { METRICS_PATH } from './http/metrics-route';
export { MemorySink } from './sinks/memory-sink';
export { DatadogSeriesReporter } from './sinks/datadog-series-reporter';
export type { DatadogSeries } from './sinks/datadog-series-reporter';
