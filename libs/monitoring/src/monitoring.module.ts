import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { watchProcess } from './collectors/process-collector';
import { createMetrics, ProcessMetrics } from './create-metrics';
import { recordHttpMetrics } from './http/http-metrics';
import { serveMetrics } from './http/metrics-route';
import { Metrics } from './metrics';
import { MetricsHub } from './metrics-hub';
import { MonitoringConfig } from './monitoring.config';

export interface MonitoringModuleOptions {
  /** The `app` tag: core-api, munger, support-tool, cron, platform… */
  app: string;
  config: MonitoringConfig & { NODE_ENV?: string };
}

export const PROCESS_METRICS = Symbol('PROCESS_METRICS');
const MONITORING_OPTIONS = Symbol('MONITORING_OPTIONS');

/**
 * Hooks the HTTP server (when the process has one) and starts flushing once everything is up;
 * at shutdown, a last flush (after the app stopped taking requests, before the process ends).
 */
@Injectable()
class MonitoringLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private stopProcessWatch: (() => void) | undefined;

  constructor(
    @Inject(PROCESS_METRICS) private readonly metrics: ProcessMetrics,
    @Inject(MONITORING_OPTIONS) private readonly options: MonitoringModuleOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    this.stopProcessWatch = watchProcess(this.metrics.hub);
    // Workers (a Nest application context) have no HTTP adapter.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.addHook !== 'function') return;
    recordHttpMetrics(fastify, this.metrics.hub);
    serveMetrics(fastify, this.metrics, this.options.config.NODE_ENV !== 'production');
  }

  onApplicationBootstrap(): void {
    this.metrics.hub.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopProcessWatch?.();
    await this.metrics.hub.close();
  }
}

/** The process' `Metrics` (global), its sinks from the configuration, HTTP and process metrics. */
@Global()
@Module({})
export class MonitoringModule {
  static forRoot(options: MonitoringModuleOptions): DynamicModule {
    return {
      module: MonitoringModule,
      providers: [
        { provide: MONITORING_OPTIONS, useValue: options },
        {
          provide: PROCESS_METRICS,
          useFactory: () => {
            const log = new Logger('Metrics');
            return createMetrics(options.app, options.config, (error) =>
              log.warn(`metrics: ${error instanceof Error ? error.message : String(error)}`),
            );
          },
        },
        {
          provide: Metrics,
          inject: [PROCESS_METRICS],
          useFactory: (m: ProcessMetrics): MetricsHub => m.hub,
        },
        MonitoringLifecycle,
      ],
      exports: [Metrics, PROCESS_METRICS],
    };
  }
}
